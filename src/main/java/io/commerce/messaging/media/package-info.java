/**
 * Files through the providers: fetching what customers send (Meta's media endpoint, Twilio's media URLs)
 * and uploading what agents send, with Meta's types and size limits. A named interface of the messaging
 * module: the conversation module keeps the files, messaging talks to the providers.
 */
@NamedInterface("media")
package io.commerce.messaging.media;

import org.springframework.modulith.NamedInterface;
