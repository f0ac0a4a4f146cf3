package dev.quizbot.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Short addresses for the static pages; the query string (the page's state) is kept. */
@Controller
class Pages {

    @GetMapping({"/questions", "/rounds", "/review"})
    String page(jakarta.servlet.http.HttpServletRequest request) {
        return "forward:" + request.getRequestURI() + ".html";
    }

    /** A player's and a team's page are one file; its script tells them apart by the address. */
    @GetMapping({"/player", "/player.html", "/team", "/team.html"})
    String profile() {
        return "forward:/profile.html";
    }
}
