package io.chuk.protocol.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The HTTP answers of a WebSocket entry's port, the same in the standalone server and the WAR:
 * its browser pages and their assets, metrics and health ({@link OperatorRoutes}). Each host maps
 * the servlet to exactly {@link #urlPatterns()}; {@code GET} and {@code HEAD} only.
 */
public final class OperatorServlet extends HttpServlet {

    /** The methods every route answers. */
    public static final List<String> METHODS = List.of("GET", "HEAD");

    private final transient Map<String, Route> routes;

    OperatorServlet(Map<String, Route> routes) {
        this.routes = Map.copyOf(routes);
    }

    /** The paths served, as seen in the context ({@code /} is the context root). */
    public Set<String> paths() {
        return routes.keySet();
    }

    /** The servlet mappings of {@link #paths()}: exact paths, {@code ""} for the context root. */
    public List<String> urlPatterns() {
        return routes.keySet().stream().map(path -> path.equals("/") ? "" : path).sorted().toList();
    }

    /** {@code GET} and {@code HEAD} only: HttpServlet would also answer {@code OPTIONS} and {@code TRACE}. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", METHODS));
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // An exact mapping has the whole path as servlet path; the context root ("") has path info "/".
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        Route route = routes.get(path);
        if (route == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        route.serve(request, response);
    }
}
