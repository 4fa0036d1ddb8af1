package io.commerce.conversation.answers;

/**
 * What a customer's message asks for, as far as the automatic answers care. When a message says several
 * things, the stronger wish wins in this order: {@link #HUMAN}, {@link #ORDER_STATUS}, {@link #MENU},
 * {@link #THANKS}, {@link #GREETING} ("hola, ¿dónde está mi pedido?" is an order-status question).
 */
public enum Intent {
    /** A person is wanted ("talk to a person", "hablar con un agente", "ik wil iemand spreken"). */
    HUMAN,
    /** Where an order is ("where is my order", "¿dónde está mi pedido?", "waar is mijn bestelling"). */
    ORDER_STATUS,
    /** The list of what the bot can do ("menu", "menú", "opties"). */
    MENU,
    /** Thanks ("thanks", "gracias", "bedankt"). */
    THANKS,
    /** A greeting ("hi", "hola", "buenas tardes", "hallo"). */
    GREETING
}
