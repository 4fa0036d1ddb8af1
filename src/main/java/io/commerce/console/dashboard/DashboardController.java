package io.commerce.console.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /console/dashboard}: the operations view, drawn on the server and refreshed every ten seconds from
 * {@code /console/dashboard/data} (the same figures as JSON) by {@code dashboard.js}, with its charts.
 */
@Controller
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/console/dashboard")
    String dashboard(@RequestParam(defaultValue = "hour") String range, Model model) {
        model.addAttribute("data", dashboard.data(range));
        return "console/dashboard";
    }

    @GetMapping("/console/dashboard/data")
    @ResponseBody
    Dashboard.Data data(@RequestParam(defaultValue = "hour") String range) {
        return dashboard.data(range);
    }
}
