package kz.gfc.queue.domain.ticket;

/**
 * The wait shown on a ticket: a band in minutes, never a single false promise.
 *
 * <p>With {@code k} people ahead and {@code m} windows working the line, the visitor is called
 * at about the {@code (k+1)}-th time a window frees up. Windows free up every {@code μ/m}
 * minutes on average (μ: minutes per visit), and the first one half that soon, since its visit
 * is already under way: the centre is {@code (k + ½)·μ/m}. Departures of several windows
 * together are nearly as irregular as a Poisson stream whatever one visit's spread, so each gap
 * is given a spread of {@code max(σ, μ)/m}, and the band is the centre ± {@value #Z} spread of
 * {@code k+1} gaps, rounded outward to 5 minutes. Windows idle right now take the first
 * people ahead at once; a visitor a free window awaits is told 0–5 minutes.
 *
 * <p>μ and σ come from the branch's own history (same category, same hour of the week) once
 * enough visits were served ({@code HISTORY}), else from the category's expected minutes with
 * a spread of half of them ({@code NORM}). How honest this is, is measured, not assumed: see
 * the replay of simulated days in the tests and the figures in the README.
 */
public record WaitEstimate(int fromMinutes, int toMinutes, Basis basis) {

    public enum Basis { HISTORY, NORM }

    private static final int STEP = 5;
    static final double Z = 1.0;

    public static WaitEstimate of(int peopleAhead, int openWindows, double minutesPerVisit, Basis basis) {
        return of(peopleAhead, openWindows, 0, minutesPerVisit, minutesPerVisit / 2, basis);
    }

    /**
     * @param idleWindows windows working the line with nobody at them right now: they take the
     *        first people ahead at once, so only the rest wait for a window to free up
     */
    public static WaitEstimate of(int peopleAhead, int openWindows, int idleWindows, double minutesPerVisit,
            double sdMinutes, Basis basis) {
        if (peopleAhead < 0 || idleWindows < 0 || minutesPerVisit <= 0 || sdMinutes < 0) {
            throw new IllegalArgumentException("people ahead, minutes per visit and their spread must be positive");
        }
        int windows = Math.max(1, openWindows);
        int departures = peopleAhead - Math.min(idleWindows, windows); // windows that must free up, minus one
        if (departures < 0) {
            return new WaitEstimate(0, STEP, basis); // a window is free for this visitor now
        }
        double gap = minutesPerVisit / windows;
        double centre = (departures + 0.5) * gap;
        double spread = Z * Math.max(sdMinutes, minutesPerVisit) / windows * Math.sqrt(departures + 1);
        int from = (int) Math.floor(Math.max(0, centre - spread) / STEP) * STEP;
        int to = (int) Math.ceil((centre + spread) / STEP) * STEP;
        if (to < from + STEP) {
            to = from + STEP;
        }
        return new WaitEstimate(from, to, basis);
    }

    /** The band's middle: the single figure its error is measured by. */
    public double midMinutes() {
        return (fromMinutes + toMinutes) / 2.0;
    }
}
