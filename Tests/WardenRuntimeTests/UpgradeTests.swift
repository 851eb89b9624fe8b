import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct UpgradeTests {
    /// v1 registers a name, traps links, then upgrades to v2 with state; v2 reports what it kept.
    static let v1 = ProcessDefinition(id: "test:v1") { ctx in
        try await ctx.register("service")
        try ctx.setOptions(trapLinks: true)
        let root = ctx.args[0].stringValue ?? ""
        try await ctx.send(root, topic: "ready")
        // Wait until the root has queued messages, then upgrade without reading them.
        _ = await (try ctx.listen("go")).receive()
        try await ctx.upgrade(to: "test:v2", args: [.string(root), "state-from-v1"])
    }

    static let v2 = ProcessDefinition(id: "test:v2") { ctx in
        var unread: [Value] = []
        while let message = ctx.inbox().tryReceive() { unread.append(contentsOf: message.payload) }
        return .map([
            "args": .list(ctx.args), "definition": .string(ctx.definition), "unread": .list(unread),
            "trap_links": .bool(ctx.options().trapLinks),
            "name_holder": .string((try? await ctx.lookup("service"))?.description ?? "none"),
            "pid": .string(ctx.pid.description),
        ])
    }

    @Test func upgradeKeepsPIDNamesMonitorsAndUnreadMessages() async throws {
        let result = try await runRoot([Self.v1, Self.v2]) { ctx in
            let child = try await ctx.spawnMonitored("test:v1", host: testHost, args: [.string(ctx.pid.description)])
            _ = await ctx.inbox().receive()
            for n in 1...3 { try await ctx.send(child, topic: "queued", .int(n)) }
            try await ctx.send(child, topic: "go")
            let exit = await nextEvent(ctx.events(), .exit)
            return [.bool(exit?.from == child), exit?.result?.tableValue ?? .null, .string(child.description)]
        }
        guard case .list(let parts)? = value(result), case .map(let exit)? = parts[1]["value"] else {
            Issue.record("unexpected result \(result)")
            return
        }
        #expect(parts[0] == true)
        #expect(exit["pid"] == parts[2])
        #expect(exit["name_holder"] == parts[2])
        #expect(exit["definition"] == "test:v2")
        #expect(exit["unread"] == [1, 2, 3])
        #expect(exit["trap_links"] == false)
        #expect(exit["args"]?.listValue?.last == "state-from-v1")
    }

    @Test func upgradeWithoutIdRerunsTheSameDefinitionWithNewState() async throws {
        let counter = ProcessDefinition(id: "test:counter") { ctx in
            let n = ctx.args.first?.numericValue.map { Int($0) } ?? 0
            if n >= 3 { return .int(n) }
            try await ctx.upgrade(to: nil, args: [.int(n + 1)])
        }
        let result = try await runRoot([counter]) { ctx in
            try await ctx.exec("test:counter", host: testHost, args: [0])
        }
        #expect(value(result) == 3)
    }

    @Test func upgradeKeepsLinks() async throws {
        let upgrader = ProcessDefinition(id: "test:upgrader") { ctx in
            guard ctx.definition == "test:upgrader" else {
                throw ProcessError(.internal, "v2 crashed", code: "test-failure")
            }
            _ = await ctx.inbox().receive()
            try await ctx.upgrade(to: "test:crasher")
        }
        let crasher = ProcessDefinition(id: "test:crasher") { _ in
            throw ProcessError(.internal, "v2 crashed", code: "test-failure")
        }
        let result = try await runRoot([upgrader, crasher]) { ctx in
            try ctx.setOptions(trapLinks: true)
            let child = try await ctx.spawnLinked("test:upgrader", host: testHost)
            try await ctx.send(child, topic: "go")
            let down = await nextEvent(ctx.events(), .linkDown)
            return [.bool(down?.from == child), down?.result?.tableValue ?? .null]
        }
        #expect(value(result) == [true, ["error": "v2 crashed"]])
    }

    @Test func upgradingToAnUnknownDefinitionIsNotFoundAndKeepsRunning() async throws {
        let result = try await runRoot { ctx in
            let error = await processError { try await ctx.upgrade(to: "test:missing") }
            return .string(error?.kind.name ?? "upgraded")
        }
        #expect(value(result) == "NOT_FOUND")
    }
}
