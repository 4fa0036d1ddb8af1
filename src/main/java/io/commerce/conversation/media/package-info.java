/**
 * The files of conversations: what customers send (downloaded from the provider), what agents upload, and
 * serving them. A named interface of the conversation module: the API's media endpoints and the console's
 * both serve and take files through {@link io.commerce.conversation.media.ConversationFiles} and {@link
 * io.commerce.conversation.media.MediaUploads}.
 */
@NamedInterface("media")
package io.commerce.conversation.media;

import org.springframework.modulith.NamedInterface;
