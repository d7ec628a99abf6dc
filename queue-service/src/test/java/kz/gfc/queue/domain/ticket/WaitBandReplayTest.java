package kz.gfc.queue.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Is the wait band honest? Replays simulated days at one branch line — arrivals by the hour,
 * service times spread as at a real window, three windows with a lunch break — through the
 * production {@link WaitEstimate} and {@link ServiceTimeStats}, and measures what a citizen
 * would: the share of tickets whose actual wait fell inside the band they were shown, and how
 * far the band's middle was from it.
 */
class WaitBandReplayTest {

    /** Visitors per hour from 09:00: a morning peak, a lunch dip, a busy afternoon. */
    private static final double[] ARRIVALS_PER_HOUR = { 12, 16, 16, 13, 11, 14, 15, 13, 6 };
    private static final double MEAN_SERVICE = 12;
    private static final double SERVICE_CV = 0.6;
    private static final int WINDOWS = 3;
    /** Window 3 is on lunch 13:00–14:00: it starts no visit then, and the line has two windows. */
    private static final double LUNCH_FROM = 240;
    private static final double LUNCH_TO = 300;
    private static final double ISSUE_STOPS = 525; // 17:45
    private static final double NORM_MINUTES = 15;
    private static final double SMOOTHING = 0.05;
    private static final int MIN_SAMPLES = 20;

    record Outcome(double coverage, double medianAbsoluteError, int tickets, double meanWait) {
    }

    @Test
    void R12_theWaitBandHoldsEightInTenActualWaitsAndItsMiddleIsWithinFiveMinutes() {
        Outcome learned = replay(8, 20, 42);
        Outcome cold = replay(0, 5, 43);
        System.out.printf("wait band replay, learned (8 warm-up days, 20 measured): %d tickets, mean wait %.1f min,"
                + " %.1f %% inside the band, median |middle - actual| %.1f min%n", learned.tickets(), learned.meanWait(),
                learned.coverage() * 100, learned.medianAbsoluteError());
        System.out.printf("wait band replay, first days (norm %d min, 5 days): %d tickets, mean wait %.1f min,"
                + " %.1f %% inside the band, median |middle - actual| %.1f min%n", (int) NORM_MINUTES, cold.tickets(),
                cold.meanWait(), cold.coverage() * 100, cold.medianAbsoluteError());
        assertThat(learned.tickets()).isGreaterThan(1000);
        assertThat(learned.coverage()).as("share of actual waits inside the band shown").isGreaterThanOrEqualTo(0.80);
        assertThat(learned.medianAbsoluteError()).as("median absolute error of the band's middle, minutes").isLessThanOrEqualTo(5.0);
    }

    /** Runs {@code warmUp} days to learn, then {@code measured} days, all the same weekday, learning throughout. */
    static Outcome replay(int warmUp, int measured, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, ServiceTimeStats> byHour = new HashMap<>();
        int inside = 0;
        List<Double> errors = new ArrayList<>();
        double waited = 0;
        for (int day = 0; day < warmUp + measured; day++) {
            List<double[]> visits = day(random, byHour); // {arrival, start, service, from, to}
            for (double[] v : visits) {
                int hour = (int) (v[1] / 60);
                byHour.merge(hour, ServiceTimeStats.NONE.with(v[2], SMOOTHING), (old, one) -> old.with(v[2], SMOOTHING));
            }
            if (day < warmUp) {
                continue;
            }
            for (double[] v : visits) {
                double wait = v[1] - v[0];
                waited += wait;
                if (wait >= v[3] && wait <= v[4]) {
                    inside++;
                }
                errors.add(Math.abs((v[3] + v[4]) / 2 - wait));
            }
        }
        double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Outcome((double) inside / e.length, e[e.length / 2], e.length, waited / e.length);
    }

    /** One day of one FIFO line; each visitor is shown the band the service would show at their arrival. */
    private static List<double[]> day(SplittableRandom random, Map<Integer, ServiceTimeStats> byHour) {
        double sigma = Math.sqrt(Math.log(1 + SERVICE_CV * SERVICE_CV));
        double mu = Math.log(MEAN_SERVICE) - sigma * sigma / 2;
        double[] free = new double[WINDOWS];
        List<double[]> visits = new ArrayList<>();
        double t = 0;
        double peak = Arrays.stream(ARRIVALS_PER_HOUR).max().orElseThrow() / 60;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / peak; // thinning a Poisson stream to the hour's rate
            if (t >= ISSUE_STOPS) {
                break;
            }
            if (random.nextDouble() > ARRIVALS_PER_HOUR[(int) (t / 60)] / 60 / peak) {
                continue;
            }
            final double arrival = t;
            int ahead = (int) visits.stream().filter(v -> v[1] > arrival).count();
            boolean lunch = arrival >= LUNCH_FROM && arrival < LUNCH_TO;
            int idle = 0;
            for (int i = 0; i < (lunch ? WINDOWS - 1 : WINDOWS); i++) {
                idle += free[i] <= arrival ? 1 : 0;
            }
            ServiceTimeStats stats = byHour.getOrDefault((int) (arrival / 60), ServiceTimeStats.NONE);
            WaitEstimate band = stats.samples() >= MIN_SAMPLES
                    ? WaitEstimate.of(ahead, lunch ? WINDOWS - 1 : WINDOWS, idle, stats.meanMinutes(), stats.sdMinutes(),
                            WaitEstimate.Basis.HISTORY)
                    : WaitEstimate.of(ahead, lunch ? WINDOWS - 1 : WINDOWS, idle, NORM_MINUTES, NORM_MINUTES / 2,
                            WaitEstimate.Basis.NORM);
            int w = 0;
            double start = Double.MAX_VALUE;
            for (int i = 0; i < WINDOWS; i++) {
                double at = Math.max(arrival, free[i]);
                if (i == WINDOWS - 1 && at >= LUNCH_FROM && at < LUNCH_TO) {
                    at = LUNCH_TO;
                }
                if (at < start) {
                    start = at;
                    w = i;
                }
            }
            double service = Math.exp(mu + sigma * gaussian(random));
            free[w] = start + service;
            visits.add(new double[] { arrival, start, service, band.fromMinutes(), band.toMinutes() });
        }
        return visits;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
