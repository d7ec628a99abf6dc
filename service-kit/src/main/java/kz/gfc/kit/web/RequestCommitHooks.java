package kz.gfc.kit.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.RequestScoped;

/** The hooks one request registered with {@link RequestCommits}; only it uses this. */
@RequestScoped
class RequestCommitHooks {

    // a transaction's synchronization keeps this very list, so a hook registered later in the request still runs
    private final List<RequestCommits.Hook> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    void add(RequestCommits.Hook hook) {
        if (!closed && !hooks.contains(hook)) {
            hooks.add(hook);
        }
    }

    boolean open() {
        return !closed && !hooks.isEmpty();
    }

    List<RequestCommits.Hook> list() {
        return hooks;
    }

    /** The response is known: no transaction beginning from now on is the request's action. */
    void close() {
        closed = true;
    }
}
