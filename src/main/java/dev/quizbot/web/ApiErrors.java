package dev.quizbot.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every API failure as {@code {"error": "..."}}, so the page can show the message as is. */
@RestControllerAdvice(assignableTypes = {LeaderboardApi.class, QuestionsApi.class, HistoryApi.class,
        ReviewApi.class})
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    record ApiError(String error) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(new ApiError("Missing parameter '" + e.getParameterName() + "'."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mistyped(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ApiError("Parameter '" + e.getName() + "' must be a whole number."));
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("The request body must be JSON like {\"score\": 80} or"
                + " {\"note\": \"...\"}."));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> failed(RuntimeException e) {
        log.error("Web API request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("Something went wrong reading the data; it was logged. Try again shortly."));
    }
}
