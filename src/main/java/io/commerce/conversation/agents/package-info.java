/**
 * The agents who answer customers: the directory the API's {@code /agents} and the console's people share.
 * A named interface of the conversation module.
 */
@NamedInterface("agents")
package io.commerce.conversation.agents;

import org.springframework.modulith.NamedInterface;
