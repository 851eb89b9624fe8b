import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct SpawnTests {
    @Test func childrenGetArgsAndContextValues() async throws {
        let report = ProcessDefinition(id: "test:report") { ctx in
            .map(["args": .list(ctx.args), "context": .map(ctx.contextValues)])
        }
        let result = try await runRoot([report]) { ctx in
            _ = try await ctx.withContext(["request_id": "123"]).withContext(["tenant": "acme"])
                .spawnMonitored("test:report", host: testHost, args: [1, "two"])
            return await nextEvent(ctx.events(), .exit)?.result?.tableValue ?? .null
        }
        #expect(value(result) == ["value": ["args": [1, "two"], "context": ["request_id": "123", "tenant": "acme"]]])
    }

    @Test func unknownDefinitionsAndHostsAreNotFound() async throws {
        let result = try await runRoot { ctx in
            let definition = await processError { _ = try await ctx.spawn("test:missing", host: testHost) }
            let host = await processError { _ = try await ctx.spawn("test:root", host: "app:nowhere") }
            let exec = await processError { _ = try await ctx.exec("test:missing", host: testHost) }
            let empty = await processError { _ = try await ctx.spawn("", host: testHost) }
            return [
                .string(definition?.code ?? "ok"), .string(host?.code ?? "ok"), .string(exec?.code ?? "ok"),
                .string(empty?.kind.name ?? "ok"),
            ]
        }
        #expect(value(result) == ["unknown-definition", "unknown-host", "unknown-definition", "INVALID"])
    }

    @Test func aFullHostRefusesSpawnsUntilAProcessExits() async throws {
        let result = try await runRoot([idle("test:idle")], hostLimit: 3) { ctx in
            // The root itself takes one of the three places.
            let a = try await ctx.spawnMonitored("test:idle", host: testHost)
            _ = try await ctx.spawn("test:idle", host: testHost)
            let full = await processError { _ = try await ctx.spawn("test:idle", host: testHost) }
            try await ctx.terminate(a)
            _ = await nextEvent(ctx.events(), .exit)
            let again = try await ctx.spawn("test:idle", host: testHost)
            return [.string(full?.code ?? "ok"), .string(full?.kind.name ?? "ok"), .int(Int(again.counter))]
        }
        #expect(value(result) == ["host-full", "INVALID", 4])
    }

    @Test func spawnMonitoredSeesEvenAnInstantExit() async throws {
        let quick = ProcessDefinition(id: "test:quick") { _ in 1 }
        let result = try await runRoot([quick]) { ctx in
            var seen = 0
            for _ in 0..<200 {
                let child = try await ctx.spawnMonitored("test:quick", host: testHost)
                if let event = await nextEvent(ctx.events(), .exit), event.from == child,
                    event.result == .value(1)
                {
                    seen += 1
                }
            }
            return .int(seen)
        }
        #expect(value(result) == 200)
    }

    @Test func childrenInheritTheSpawnersSecurity() async throws {
        let whoami = ProcessDefinition(id: "test:whoami") { ctx in
            .map([
                "actor": .string(ctx.security.actor?.id ?? "none"),
                "policies": .list((ctx.security.scope?.policies ?? []).map(Value.string)),
                "groups": .list((ctx.security.scope?.groups ?? []).map(Value.string)),
            ])
        }
        let service = ProcessDefinition(
            id: "test:service", security: DefinitionSecurity(actor: Actor(id: "svc"), policies: ["svc-policy"]),
            body: whoami.body)
        let root = SecurityContext(actor: Actor(id: "user"), scope: SecurityScope(policies: ["base"], groups: ["g"]))
        let result = try await runRoot([whoami, service], security: root) { ctx in
            var out: [Value] = []
            _ = try await ctx.spawnMonitored("test:whoami", host: testHost)
            out.append(await nextEvent(ctx.events(), .exit)?.result?.tableValue ?? .null)
            _ = try await ctx.spawner().withActor(Actor(id: "other")).withScope(SecurityScope(policies: ["narrow"]))
                .spawnMonitored("test:whoami", host: testHost)
            out.append(await nextEvent(ctx.events(), .exit)?.result?.tableValue ?? .null)
            _ = try await ctx.spawnMonitored("test:service", host: testHost)
            out.append(await nextEvent(ctx.events(), .exit)?.result?.tableValue ?? .null)
            out.append((try? await ctx.exec("test:whoami", host: testHost)) ?? .null)
            return .list(out)
        }
        #expect(
            value(result) == [
                ["value": ["actor": "user", "policies": ["base"], "groups": ["g"]]],
                ["value": ["actor": "other", "policies": ["narrow"], "groups": []]],
                ["value": ["actor": "svc", "policies": ["base", "svc-policy"], "groups": ["g"]]],
                ["actor": "user", "policies": ["base"], "groups": ["g"]],
            ])
    }

    @Test func withNameStartsOnceThenSignalsTheHolder() async throws {
        let collector = ProcessDefinition(id: "test:collector") { ctx in
            var got: [Value] = []
            for await message in ctx.inbox() {
                got.append(contentsOf: message.payload)
                if got.count == 3 { break }
            }
            return .list(got)
        }
        let result = try await runRoot([collector]) { ctx in
            let spawner = ctx.spawner().withName("collector")
            let first = try await spawner.withMessage("item", 1).spawnMonitored("test:collector", host: testHost)
            let second = try await spawner.withMessage("item", 2).spawn("test:collector", host: testHost)
            let third = try await spawner.withMessage("item", 3).spawn("test:collector", host: testHost)
            let holder = try await ctx.lookup("collector")
            let exit = await nextEvent(ctx.events(), .exit)
            return [.bool(first == second && second == third && holder == first), exit?.result?.tableValue ?? .null]
        }
        #expect(value(result) == [true, ["value": [1, 2, 3]]])
    }

    @Test func withNameOnAHeldNameAppliesTheRequestedMonitorToTheHolder() async throws {
        let result = try await runRoot([waitForMessage("test:wait")]) { ctx in
            let holder = try await ctx.spawner().withName("svc").spawn("test:wait", host: testHost)
            let again = try await ctx.spawner().withName("svc").spawnMonitored("test:wait", host: testHost)
            try await ctx.send(holder, topic: "go", "holder done")
            let exit = await nextEvent(ctx.events(), .exit)
            return [.bool(again == holder), .bool(exit?.from == holder), exit?.result?.tableValue ?? .null]
        }
        #expect(value(result) == [true, true, ["value": "holder done"]])
    }

    @Test func queuedMessagesArriveBeforeAnythingElse() async throws {
        let first = ProcessDefinition(id: "test:first") { ctx in
            await ctx.inbox().receive().map { .string($0.topic) } ?? .null
        }
        let result = try await runRoot([first]) { ctx in
            let child = try await ctx.spawner().withMessage("queued").spawnMonitored("test:first", host: testHost)
            try await ctx.send(child, topic: "later")
            return await nextEvent(ctx.events(), .exit)?.result?.tableValue ?? .null
        }
        #expect(value(result) == ["value": "queued"])
    }

    @Test func framesAreSharedAlongTheCallChain() async throws {
        let frame = ProcessDefinition(id: "test:frame") { ctx in .string(ctx.id()) }
        let result = try await runRoot([frame]) { ctx in
            let child = try await ctx.exec("test:frame", host: testHost)
            return [.string(ctx.id()), child, .string(ctx.pid.description)]
        }
        guard case .list(let parts)? = value(result), parts.count == 3 else {
            Issue.record(
                "expected the caller's frame, the child's frame and the caller's pid, got \(String(describing: value(result)))"
            )
            return
        }
        #expect(parts[0] == parts[1])
        #expect(parts[0] == parts[2])
    }

    @Test func spawnsRacingForTheLastPlacesNeverExceedTheBound() async throws {
        let runtime = LocalRuntime(
            hosts: [HostConfiguration(id: testHost, maxProcesses: 51)],
            definitions: [idle("test:idle")])
        let root = ProcessDefinition(id: "test:racer") { ctx in
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<100 {
                    group.addTask { (try? await ctx.spawn("test:idle", host: testHost)) != nil }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            return .int(outcomes)
        }
        runtime.register(root)
        let handle = try await runtime.start(StartRequest(definition: "test:racer", host: testHost))
        #expect(try await handle.result() == .value(50))
        #expect(runtime.liveCount(onHost: testHost) == 50)
        await runtime.shutdown()
        #expect(runtime.processCount == 0)
    }
}
