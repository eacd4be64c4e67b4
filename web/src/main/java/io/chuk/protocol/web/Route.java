package io.chuk.protocol.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** What {@link OperatorServlet} answers on one path ({@code GET}; {@code HEAD} is the same without the body). */
@FunctionalInterface
public interface Route {

    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** A fixed status and body, for metrics and health. */
    static void respond(HttpServletResponse response, int status, String type, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
