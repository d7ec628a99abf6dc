package kz.gfc.queue.domain.ticket;

/**
 * What the wait band knows of one category's service times at one hour of the week: the
 * number of visits seen, and an exponentially weighted mean and variance of their minutes.
 *
 * <p>Kept up to date on every completed visit (one row, updated in place), so a ticket's band
 * is read, never recomputed by scanning weeks of history on every issue and every poll. The
 * first visits are averaged plainly; after that each new visit weighs {@code smoothing}, so the
 * figures follow a branch whose pace changes (a new operator, a new form) within a few weeks.
 */
public record ServiceTimeStats(int samples, double meanMinutes, double varianceMinutes) {

    public static final ServiceTimeStats NONE = new ServiceTimeStats(0, 0, 0);

    /** The figures after one more visit of {@code minutes}; {@code smoothing} in (0, 1]. */
    public ServiceTimeStats with(double minutes, double smoothing) {
        if (minutes < 0 || Double.isNaN(minutes)) {
            return this;
        }
        double alpha = Math.max(1.0 / (samples + 1), smoothing);
        double delta = minutes - meanMinutes;
        double mean = meanMinutes + alpha * delta;
        double variance = samples == 0 ? 0 : (1 - alpha) * (varianceMinutes + alpha * delta * delta);
        return new ServiceTimeStats(samples + 1, mean, variance);
    }

    public double sdMinutes() {
        return Math.sqrt(Math.max(0, varianceMinutes));
    }
}
