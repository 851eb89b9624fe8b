import BenchmarkSupport

/// A ring of 1,000 Lua processes, each passing a token to the next: `Ring`'s benchmark with Lua
/// members, beside the same ring of Swift processes in RuntimeBenchmarks.
func luaRingBenchmark() {
    Ring.benchmark(
        "Lua ring of 1000 (per hop)",
        member: lua(
            "bench:ring-member",
            """
            return {main = function()
                local inbox = process.inbox()
                local setup = inbox:receive()
                local next_member = setup:payload():data()
                process.send(setup:from(), "ready")
                while true do
                    local token = inbox:receive():payload():data()
                    local hops, driver = token[1], token[2]
                    if hops == 0 then
                        process.send(driver, "done")
                    else
                        process.send(next_member, "token", {hops - 1, driver})
                    end
                end
            end}
            """)
    ) { hops, driver in [.list([.int(hops), .string(driver)])] }
}
