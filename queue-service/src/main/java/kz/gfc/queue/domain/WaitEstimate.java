package kz.gfc.queue.domain;

/**
 * The wait shown on a ticket: a band in minutes, never a single false promise.
 *
 * <p>Minutes per visit come from the branch's own history (same category, same hour of the
 * week) once enough visits were served ({@code HISTORY}), else from the category's expected
 * minutes ({@code NORM}). The band spreads ±30% around people-ahead × minutes ÷ open windows,
 * widened by one visit at the top, and rounded outward to 5 minutes.
 */
public record WaitEstimate(int fromMinutes, int toMinutes, Basis basis) {

    public enum Basis { HISTORY, NORM }

    private static final int STEP = 5;

    public static WaitEstimate of(int peopleAhead, int openWindows, double minutesPerVisit, Basis basis) {
        if (peopleAhead < 0 || minutesPerVisit <= 0) {
            throw new IllegalArgumentException("people ahead and minutes per visit must be positive");
        }
        int windows = Math.max(1, openWindows);
        double expected = peopleAhead * minutesPerVisit / windows;
        int from = (int) Math.floor(expected * 0.7 / STEP) * STEP;
        int to = (int) Math.ceil((expected * 1.3 + minutesPerVisit / windows) / STEP) * STEP;
        if (to < from + STEP) {
            to = from + STEP;
        }
        return new WaitEstimate(from, to, basis);
    }
}
