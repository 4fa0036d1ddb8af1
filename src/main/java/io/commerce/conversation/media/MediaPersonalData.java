package io.commerce.conversation.media;

import io.commerce.customer.PersonalDataHolder;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The files a customer sent: listed in the GDPR export (what they are; the bytes at {@code GET
 * /api/v1/media/{id}} while kept), and on erasure deleted with their rows.
 */
@Component
class MediaPersonalData implements PersonalDataHolder {

    /** One file in the export. */
    record ExportedFile(String mediaId, String mimeType, Long size, String status, Instant at) {}

    private final MediaRows rows;
    private final MediaFolder folder;

    MediaPersonalData(MediaRows rows, MediaFolder folder) {
        this.rows = rows;
        this.folder = folder;
    }

    @Override
    public String section() {
        return "files";
    }

    @Override
    public Object export(String customerId) {
        return rows.byCustomer(customerId).stream()
                .map(row -> new ExportedFile(
                        row.id(), row.mimeType(), row.size(), row.status().name(), row.createdAt()))
                .toList();
    }

    @Override
    public void erase(String customerId) {
        List<MediaRow> files = rows.byCustomer(customerId);
        rows.deleteByCustomer(customerId);
        // the bytes go at once: a rolled back erasure leaves rows without files, which answer 404
        files.forEach(file -> folder.delete(folder.path(file.id())));
    }
}
