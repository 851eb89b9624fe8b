import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct LinkMonitorTests {
    @Test func monitorsSeeNormalAndAbnormalExitsWithTheirResults() async throws {
        let result = try await runRoot([waitForMessage("test:wait"), failing("test:fail")]) { ctx in
            let normal = try await ctx.spawn("test:wait", host: testHost)
            try await ctx.monitor(normal)
            try await ctx.send(normal, topic: "go", "bye")
            let first = await nextEvent(ctx.events(), .exit)
            _ = try await ctx.spawnMonitored("test:fail", host: testHost)
            let second = await nextEvent(ctx.events(), .exit)
            return [
                first?.result?.tableValue ?? .null, .bool(first?.from == normal), second?.result?.tableValue ?? .null,
            ]
        }
        #expect(value(result) == [["value": "bye"], true, ["error": "boom"]])
    }

    @Test func monitoringUnknownOrDeadProcessesIsNotFound() async throws {
        let result = try await runRoot([ProcessDefinition(id: "test:quick") { _ in .null }]) { ctx in
            let child = try await ctx.spawnMonitored("test:quick", host: testHost)
            _ = await nextEvent(ctx.events(), .exit)
            let dead = await processError { try await ctx.monitor(child) }
            let never = await processError { try await ctx.monitor(PID(host: testHost, counter: 9_999)) }
            let name = await processError { try await ctx.link("nobody") }
            return [
                .string(dead?.kind.name ?? "ok"), .string(never?.kind.name ?? "ok"), .string(name?.kind.name ?? "ok"),
            ]
        }
        #expect(value(result) == ["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"])
    }

    @Test func unmonitorStopsExitEvents() async throws {
        let result = try await runRoot([waitForMessage("test:wait")]) { ctx in
            let quiet = try await ctx.spawnMonitored("test:wait", host: testHost)
            try await ctx.unmonitor(quiet)
            let loud = try await ctx.spawnMonitored("test:wait", host: testHost)
            try await ctx.send(quiet, topic: "go", 1)
            try await ctx.send(loud, topic: "go", 2)
            let event = await nextEvent(ctx.events(), .exit)
            return [.bool(event?.from == loud), .int(ctx.events().count)]
        }
        #expect(value(result) == [true, 0])
    }

    @Test func aLinkedFailureKillsANonTrappingProcess() async throws {
        let linker = ProcessDefinition(id: "test:linker") { ctx in
            _ = try await ctx.spawnLinked("test:fail-later", host: testHost)
            for await _ in ctx.inbox() {}
            return "survived"
        }
        let failLater = ProcessDefinition(id: "test:fail-later") { ctx in
            _ = await ctx.inbox().receive()
            throw ProcessError(.internal, "crash", code: "test-failure")
        }
        let result = try await runRoot([linker, failLater]) { ctx in
            let parent = try await ctx.spawnMonitored("test:linker", host: testHost)
            try await ctx.register("parent", pid: parent)
            // The child is the next process on the host.
            let child = PID(host: testHost, counter: parent.counter + 1)
            while (try? await ctx.front.resolve(.pid(child))) == nil { await Task.yield() }
            try await ctx.send(child, topic: "go")
            let exit = await nextEvent(ctx.events(), .exit)
            let released = await processError { _ = try await ctx.lookup("parent") }
            return [exit?.result?.tableValue ?? .null, .string(released?.kind.name ?? "still registered")]
        }
        #expect(value(result) == [["error": "linked process failed"], "NOT_FOUND"])
    }

    @Test func trappingLinksTurnsFailuresIntoLinkDownEvents() async throws {
        let result = try await runRoot([failing("test:fail"), waitForMessage("test:wait")]) { ctx in
            try ctx.setOptions(trapLinks: true)
            let trapped = ctx.options().trapLinks
            let failed = try await ctx.spawnLinked("test:fail", host: testHost)
            let event = await nextEvent(ctx.events(), .linkDown)
            // A normal exit of a linked process sends nothing.
            let normal = try await ctx.spawnLinked("test:wait", host: testHost)
            try await ctx.monitor(normal)
            try await ctx.send(normal, topic: "go", 1)
            let exit = await nextEvent(ctx.events(), .exit)
            return [
                .bool(trapped), .bool(event?.from == failed), event?.result?.tableValue ?? .null,
                .bool(exit?.from == normal), .int(ctx.events().count),
            ]
        }
        #expect(value(result) == [true, true, ["error": "boom"], true, 0])
    }

    @Test func unlinkedProcessesSurviveEachOther() async throws {
        let result = try await runRoot([waitForMessage("test:wait")]) { ctx in
            let child = try await ctx.spawnLinked("test:wait", host: testHost)
            try await ctx.unlink(child)
            try await ctx.terminate(child)
            try await ctx.link(try await ctx.spawn("test:wait", host: testHost))
            let selfLink = await processError { try await ctx.link(ctx.pid) }
            return .string(selfLink?.code ?? "ok")
        }
        #expect(value(result) == "self-target")
    }

    @Test func aLinkCascadeTakesDownAThousandProcesses() async throws {
        let count = 1_000
        // Each process spawns the next one linked, tells the root it is up, then waits forever.
        let chain = ProcessDefinition(id: "test:chain") { ctx in
            guard case .int(let remaining)? = ctx.args.first, case .string(let root)? = ctx.args.last else {
                return .null
            }
            if remaining > 1 {
                _ = try await ctx.spawnLinked("test:chain", host: testHost, args: [.int(remaining - 1), .string(root)])
            }
            try await ctx.send(root, topic: "up")
            for await _ in ctx.inbox() {}
            return "not reached"
        }
        let result = try await runRoot([chain], hostLimit: 2 * count) { ctx in
            try ctx.setOptions(trapLinks: true)
            let head = try await ctx.spawnLinked(
                "test:chain", host: testHost, args: [.int(count), .string(ctx.pid.description)])
            var pids: [PID] = []
            let inbox = ctx.inbox()
            for _ in 0..<count {
                guard let from = await inbox.receive()?.from else { return "missing" }
                pids.append(from)
            }
            for pid in pids { try await ctx.monitor(pid) }
            // Kill one: the failure travels along the whole chain, then reaches the trapping root.
            try await ctx.terminate(pids[pids.count - 1])
            var linkDown: ProcessEvent?
            var exits = 0
            var reasons = Set<String>()
            let events = ctx.events()
            while exits < count || linkDown == nil, let event = await events.receive() {
                switch event.kind {
                case .linkDown: linkDown = event
                case .exit:
                    exits += 1
                    if case .error(let e)? = event.result { reasons.insert(e.code) }
                case .cancel: break
                }
            }
            var alive = 0
            for pid in pids where (try? await ctx.front.resolve(.pid(pid))) != nil { alive += 1 }
            return [
                .bool(linkDown?.from == head), .int(alive), .int(exits),
                .list(reasons.sorted().map(Value.string)),
            ]
        }
        #expect(value(result) == [true, 0, 1_000, ["linked-process-failed", "terminated"]])
    }
}
