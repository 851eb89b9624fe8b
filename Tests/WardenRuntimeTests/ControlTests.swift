import Foundation
import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct ControlTests {
    @Test func terminateKillsAWaitingProcessAbnormally() async throws {
        let result = try await runRoot([idle("test:idle")]) { ctx in
            let child = try await ctx.spawnMonitored("test:idle", host: testHost)
            try await ctx.terminate(child)
            let exit = await nextEvent(ctx.events(), .exit)
            let again = await processError { try await ctx.terminate(child) }
            return [exit?.result?.tableValue ?? .null, .string(again?.kind.name ?? "ok")]
        }
        #expect(value(result) == [["error": "terminated"], "NOT_FOUND"])
    }

    @Test func cancelWithoutDeadlineIsAdvisory() async throws {
        let polite = ProcessDefinition(id: "test:polite") { ctx in
            guard let event = await ctx.events().receive() else { return "no event" }
            return [.string(event.kind.rawValue), event.deadline == nil ? "no deadline" : "deadline"]
        }
        let result = try await runRoot([polite]) { ctx in
            let child = try await ctx.spawnMonitored("test:polite", host: testHost)
            try await ctx.cancel(child)
            return await nextEvent(ctx.events(), .exit)?.result?.tableValue ?? .null
        }
        #expect(value(result) == ["value": ["CANCEL", "no deadline"]])
    }

    @Test func aMetCancelDeadlineEndsNormally() async throws {
        let cooperative = ProcessDefinition(id: "test:cooperative") { ctx in
            guard let event = await ctx.events().receive(), event.kind == .cancel else { return "no cancel" }
            return "cleaned up"
        }
        let result = try await runRoot([cooperative]) { ctx in
            let child = try await ctx.spawnMonitored("test:cooperative", host: testHost)
            try await ctx.cancel(child, deadline: "10s")
            // A normal exit proves the deadline was met: a missed one ends in `cancel deadline exceeded`.
            return await nextEvent(ctx.events(), .exit)?.result?.tableValue ?? .null
        }
        #expect(value(result) == ["value": "cleaned up"])
    }

    @Test func anExpiredCancelDeadlineTerminates() async throws {
        let stubborn = ProcessDefinition(id: "test:stubborn") { ctx in
            let events = ctx.events()
            let cancel = await events.receive()
            try await ctx.send(
                ctx.args[0].stringValue ?? "", topic: "deadline", .double(cancel?.deadline?.timeIntervalSince1970 ?? 0))
            for await _ in ctx.inbox() {}
            return "ignored the cancel"
        }
        let result = try await runRoot([stubborn]) { ctx in
            let child = try await ctx.spawnMonitored(
                "test:stubborn", host: testHost, args: [.string(ctx.pid.description)])
            let sent = Date()
            try await ctx.cancel(child, deadline: .int(50))
            let reported = await ctx.inbox().receive()?.payload.first?.numericValue ?? 0
            let exit = await nextEvent(ctx.events(), .exit)
            let elapsed = Date().timeIntervalSince(sent)
            let deadlineOffset = reported - sent.timeIntervalSince1970
            return [
                exit?.result?.tableValue ?? .null, .bool(elapsed >= 0.045),
                .bool(deadlineOffset > 0.03 && deadlineOffset < 5),
            ]
        }
        #expect(value(result) == [["error": "cancel deadline exceeded"], true, true])
    }

    @Test func badCancelDeadlinesAreInvalid() async throws {
        let result = try await runRoot([idle("test:idle")]) { ctx in
            let child = try await ctx.spawn("test:idle", host: testHost)
            let error = await processError { try await ctx.cancel(child, deadline: "soon") }
            return .string(error?.code ?? "ok")
        }
        #expect(value(result) == "invalid-duration")
    }

    @Test func execReturnsTheChildsValueOrThrowsItsError() async throws {
        let double = ProcessDefinition(id: "test:double") { ctx in
            .int((ctx.args.first?.numericValue).map { Int($0) * 2 } ?? 0)
        }
        let result = try await runRoot([double, failing("test:fail", "bad input")]) { ctx in
            let doubled = try await ctx.exec("test:double", host: testHost, args: [21])
            let error = await processError { _ = try await ctx.exec("test:fail", host: testHost) }
            return [doubled, .string(error?.description ?? "ok")]
        }
        #expect(value(result) == [42, "INTERNAL: bad input"])
    }

    @Test func terminatingTheChildDuringExecFailsTheExec() async throws {
        let result = try await runRoot([idle("test:idle")]) { ctx in
            let waiter = Task { await processError { _ = try await ctx.exec("test:idle", host: testHost) } }
            let child = PID(host: testHost, counter: ctx.pid.counter + 1)
            while (try? await ctx.front.resolve(.pid(child))) == nil { await Task.yield() }
            try await ctx.terminate(child)
            return .string(await waiter.value?.code ?? "ok")
        }
        #expect(value(result) == "terminated")
    }

    @Test func terminatingTheCallerDuringExecLeavesTheChildRunning() async throws {
        let caller = ProcessDefinition(id: "test:exec-caller") { ctx in
            _ = try await ctx.exec("test:wait", host: testHost)
            return "exec returned"
        }
        let result = try await runRoot([caller, waitForMessage("test:wait")]) { ctx in
            let parent = try await ctx.spawnMonitored("test:exec-caller", host: testHost)
            let child = PID(host: testHost, counter: parent.counter + 1)
            while (try? await ctx.front.resolve(.pid(child))) == nil { await Task.yield() }
            try await ctx.monitor(child)
            try await ctx.terminate(parent)
            let parentExit = await nextEvent(ctx.events(), .exit)
            let childAlive = (try? await ctx.front.resolve(.pid(child))) != nil
            try await ctx.send(child, topic: "go", "child finished")
            let childExit = await nextEvent(ctx.events(), .exit)
            return [parentExit?.result?.tableValue ?? .null, .bool(childAlive), childExit?.result?.tableValue ?? .null]
        }
        #expect(value(result) == [["error": "terminated"], true, ["value": "child finished"]])
    }

    @Test func callsFromATerminatedProcessAreInvalid() async throws {
        let zombie = ProcessDefinition(id: "test:zombie") { ctx in
            try await ctx.send(ctx.args[0].stringValue ?? "", topic: "ready")
            _ = await ctx.inbox().receive()  // ends when terminated
            let error = await processError { try await ctx.send(ctx.pid, topic: "t") }
            ProcessLocalProbe.shared.record(error?.code ?? "ok")
            return .null
        }
        let result = try await runRoot([zombie]) { ctx in
            let child = try await ctx.spawnMonitored(
                "test:zombie", host: testHost, args: [.string(ctx.pid.description)])
            _ = await ctx.inbox().receive()
            try await ctx.terminate(child)
            _ = await nextEvent(ctx.events(), .exit)
            return .null
        }
        #expect(value(result) == .null)
        #expect(await ProcessLocalProbe.shared.next() == "caller-not-running")
    }
}

/// Carries what a process observed after it was stopped, when it can no longer send.
final class ProcessLocalProbe: Sendable {
    static let shared = ProcessLocalProbe()
    private let channel = ProcessChannel<String>()

    func record(_ note: String) { channel.deliver(note) }
    func next() async -> String? { await channel.receive() }
}
