package io.commerce.conversation.answers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /api/v1/faq/{faqId}}: the ways customers ask the question and the answer, both per language
 * (ISO 639 codes such as {@code en}, {@code es}, {@code nl}). Every language with questions needs an answer
 * in that language; a question must keep some letters or digits once punctuation is removed, and may not
 * repeat another of the same language (case, accents and punctuation ignored).
 */
record FaqDetails(
        @NotNull @Size(min = 1, max = 20)
        Map<
                        @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as en") String,
                        @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 200) String>>
                questions,

        @NotNull @Size(min = 1, max = 20)
        Map<
                        @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as en") String,
                        @NotBlank @Size(max = 4096) String>
                answers) {}
