package de.grw.server.http;

import de.grw.common.Text;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request that Jetty refuses before it reaches the API (a path with an encoded NUL or an ambiguous
 * separator, headers too large, a malformed request line): a problem ({@code application/problem+json}) as every
 * other refusal of the API, instead of Jetty's HTML page. No stack, no server version, no cause is shown.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        int status = code >= 400 && code <= 599 ? code : 400;
        Text text = status == 413 ? Text.of("server.too_large")
                : Text.of("server.bad_request", "HTTP " + status + (message == null || message.isBlank() ? ""
                        : " (" + message.replaceAll("[^\\p{Alnum} .,:'/-]", "?") + ")"));
        String body = Problems.body(status, text, Problems.locale(request.getHeaders().get("Accept-Language")));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        // Jetty drops a connection after a request it could not parse: say so, or the client sends its next
        // request on it and gets no answer
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
