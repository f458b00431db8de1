package com.assethatch.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.resteasy.reactive.common.util.MediaTypeHelper;

/**
 * An Accept header that is not a list of media ranges is disregarded, as RFC 9110 §12.5.1 allows: the request is
 * answered as for a client that accepts anything. RESTEasy would fail on it with a 500 while choosing the writer of
 * the answer, after the resource ran. Removed from the request itself, first thing, so every later layer agrees.
 */
@ApplicationScoped
public class UnparseableAccept {

    /** Before every other handler of the application's routes (CORS, body limits, RESTEasy). */
    private static final int FIRST = Integer.MIN_VALUE + 1;

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(UnparseableAccept::disregardUnparseable);
    }

    private static void disregardUnparseable(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            try {
                MediaTypeHelper.parseHeader(accept); // the parser RESTEasy uses
            } catch (RuntimeException unparseable) {
                context.request().headers().remove(HttpHeaders.ACCEPT);
            }
        }
        context.next();
    }
}
