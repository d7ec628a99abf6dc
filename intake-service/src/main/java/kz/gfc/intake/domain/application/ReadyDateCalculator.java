package kz.gfc.intake.domain.application;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import kz.gfc.intake.domain.catalogue.ServiceDefinition;

/**
 * R25: the date the result will be ready — the service's term counted in working days over
 * the holiday calendar (weekends, holidays and moved days off do not count; a moved working
 * day does). The day of acceptance counts as the first day when the application goes to the
 * provider electronically, and does not count when it goes on paper. A service done while
 * the applicant waits (term 0) is ready the same day.
 */
@ApplicationScoped
public class ReadyDateCalculator {

    public LocalDate readyDate(LocalDate acceptedOn, ServiceDefinition service) {
        Map<LocalDate, CalendarDay.Kind> calendar = new HashMap<>();
        CalendarDay.<CalendarDay>list("day >= ?1 and day <= ?2", acceptedOn, acceptedOn.plusYears(2))
                .forEach(d -> calendar.put(d.day, d.kind));
        return readyDate(acceptedOn, service.termWorkingDays(), service.delivery(), calendar);
    }

    public static LocalDate readyDate(LocalDate acceptedOn, int termWorkingDays, ServiceDefinition.Delivery delivery,
            Map<LocalDate, CalendarDay.Kind> calendar) {
        if (termWorkingDays <= 0) {
            return acceptedOn;
        }
        LocalDate day = delivery == ServiceDefinition.Delivery.PAPER ? acceptedOn.plusDays(1) : acceptedOn;
        int counted = 0;
        while (true) {
            if (isWorkingDay(day, calendar)) {
                counted++;
                if (counted == termWorkingDays) {
                    return day;
                }
            }
            day = day.plusDays(1);
        }
    }

    static boolean isWorkingDay(LocalDate day, Map<LocalDate, CalendarDay.Kind> calendar) {
        CalendarDay.Kind kind = calendar.get(day);
        if (kind == CalendarDay.Kind.WORKING_DAY) {
            return true;
        }
        if (kind == CalendarDay.Kind.HOLIDAY || kind == CalendarDay.Kind.DAY_OFF) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
