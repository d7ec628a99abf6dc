package kz.gfc.kit.notify;

/**
 * Where texts leave GfC: an SMS gateway in production, a file the demo and the tests read
 * locally. An adapter sends one text; {@link Notifications} decides when.
 */
public interface NotificationChannel {

    void deliver(Notification notification) throws Exception;
}
