package io.chuk.protocol.standalone;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;
import java.util.Map;

/**
 * The paths an entry's port serves, each with its methods (the WebSocket paths {@code GET}, the
 * pages and operator endpoints {@code GET} and {@code HEAD}): another method on a listed path is answered
 * 405 with an {@code Allow} header, and any other path 404 whatever the method, before anything
 * behind (the servlet context would answer 405 to a {@code POST} of an unknown path).
 */
final class PathAllowList extends Handler.Wrapper {

    static final List<String> WEBSOCKET = List.of("GET");

    private final Map<String, List<String>> methodsByPath;
    private final Map<String, List<String>> methodsByTree;

    PathAllowList(Handler next, Map<String, List<String>> methodsByPath) {
        this(next, methodsByPath, Map.of());
    }

    /** @param methodsByTree paths served with everything below them (such as the recordings, one file each) */
    PathAllowList(Handler next, Map<String, List<String>> methodsByPath, Map<String, List<String>> methodsByTree) {
        super(next);
        this.methodsByPath = Map.copyOf(methodsByPath);
        this.methodsByTree = Map.copyOf(methodsByTree);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        List<String> methods = methodsByPath.get(path);
        if (methods == null) {
            methods = methodsByTree.entrySet().stream()
                    .filter(tree -> path.equals(tree.getKey()) || path.startsWith(tree.getKey() + "/"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (methods == null) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        if (!methods.contains(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", methods));
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
