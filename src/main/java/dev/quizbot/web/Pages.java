package dev.quizbot.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Short addresses for the static pages; the query string (the page's state) is kept. */
@Controller
class Pages {

    @GetMapping({"/questions", "/player", "/team", "/rounds"})
    String page(jakarta.servlet.http.HttpServletRequest request) {
        return "forward:" + request.getRequestURI() + ".html";
    }
}
