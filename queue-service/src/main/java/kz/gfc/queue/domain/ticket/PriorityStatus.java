package kz.gfc.queue.domain.ticket;

/**
 * R12: where a ticket's priority ground stands. Only a {@code VERIFIED} ground weighs in the
 * call order; a {@code CLAIMED} one (from the app, not yet confirmed) waits in the ordinary line
 * until the registry, the IIN itself or staff at the window confirm it; staff may withdraw it.
 */
public enum PriorityStatus { CLAIMED, VERIFIED, WITHDRAWN }
