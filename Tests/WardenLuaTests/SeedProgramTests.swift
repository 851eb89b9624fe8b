import Testing
import WardenLua
import WardenRuntime
import WardenValue

/// The seed document's fragments assembled into small programs: a supervisor with a context
/// spawner, linked workers, a registered name, topic listening, exec, cancel and upgrade.
@Suite(.timeLimit(.minutes(1))) struct SeedProgramTests {
    static let worker = """
        local M = {}
        function M.main(parent, state)
            local jobs = process.listen("job")
            local events = process.events()
            if not state then
                -- listening now: jobs sent from here on reach `jobs`, not the inbox
                state = {done = 0}
                process.send(parent, "ready")
            end
            while true do
                local r = channel.select({jobs:case_receive(), events:case_receive()})
                if r.channel == events then
                    if r.value.kind == process.event.CANCEL then return {cancelled = true, done = state.done} end
                else
                    local job = r.value
                    state.done = state.done + 1
                    process.send(job.reply_to, "result", {n = job.n * job.n, worker = process.pid()})
                    if state.done == 2 then
                        -- keep the PID, run again with the state carried over
                        process.upgrade(nil, parent, state)
                    end
                end
            end
        end
        return M
        """

    static let supervisor = """
        local M = {}
        function M.main()
            local frame_id = process.id()
            local spawner = process.with_context({request_id = "123"})
            local workers = {}
            for i = 1, 2 do
                local pid, err = spawner:spawn_linked_monitored("app:worker", "app:processes", process.pid())
                if not pid then return nil, err end
                workers[i] = pid
            end
            for i = 1, 2 do process.inbox():receive() end
            local ok, err = process.registry.register("supervisor")
            if not ok then return nil, err end
            local inbox = process.inbox()
            local total = 0
            for n = 1, 6 do
                local target = workers[(n % 2) + 1]
                process.send(target, "job", {n = n, reply_to = "supervisor"})
                local msg = inbox:receive()
                if msg:topic() ~= "result" then return nil, "unexpected " .. msg:topic() end
                total = total + msg:payload():data().n
            end
            local squared, exec_err = process.exec("app:square", "app:processes", 12)
            if exec_err then return nil, exec_err end
            local events = process.events()
            local summary = {}
            for i = 1, 2 do
                process.cancel(workers[i], "5s")
            end
            for i = 1, 2 do
                local event = events:receive()
                if event.kind == process.event.EXIT then
                    summary[#summary + 1] = event.result.value.done
                end
            end
            table.sort(summary)
            return {total = total, squared = squared, done = summary, frame = frame_id == process.pid()}
        end
        return M
        """

    @Test func theSupervisorProgramRuns() async throws {
        let result = try await runLua(
            Self.supervisor,
            with: [
                "app:worker": Self.worker,
                "app:square": "return { main = function(x) return x * x end }",
            ])
        #expect(exitValue(result) == ["total": 91, "squared": 144, "done": [3, 3], "frame": true])
    }
}
