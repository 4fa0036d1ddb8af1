package io.commerce.conversation.agents;

import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

    private final AgentDirectory agents;

    AgentController(AgentDirectory agents) {
        this.agents = agents;
    }

    @PutMapping("/{agentId}")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated", useReturnTypeSchema = true)
    ResponseEntity<AgentView> upsertAgent(
            @PathVariable @ShopId String agentId, @Valid @RequestBody AgentDetails details) {
        return agents.upsert(agentId, details).toResponse();
    }

    @GetMapping("/{agentId}")
    AgentView getAgent(@PathVariable @ShopId String agentId) {
        return agents.get(agentId);
    }

    @GetMapping
    List<AgentView> listAgents() {
        return agents.list();
    }
}
