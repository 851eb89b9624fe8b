import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct RegistryTests {
    @Test func namesResolveUntilUnregistered() async throws {
        let result = try await runRoot { ctx in
            try await ctx.register("a")
            try await ctx.register("b")
            try await ctx.register("a")  // same pair again is ok
            let a = try await ctx.lookup("a")
            let b = try await ctx.lookup("b")
            let removed = try await ctx.unregister("a")
            let removedAgain = try await ctx.unregister("a")
            let gone = await processError { _ = try await ctx.lookup("a") }
            return [
                .bool(a == ctx.pid && b == ctx.pid), .bool(removed), .bool(removedAgain),
                .string(gone?.kind.name ?? "ok"),
            ]
        }
        #expect(value(result) == [true, true, false, "NOT_FOUND"])
    }

    @Test func aNameHeldByAnotherProcessIsAlreadyExists() async throws {
        let result = try await runRoot([idle("test:idle")]) { ctx in
            let other = try await ctx.spawn("test:idle", host: testHost)
            try await ctx.register("taken", pid: other)
            let error = await processError { try await ctx.register("taken") }
            let badName = await processError { try await ctx.register("{looks-like-a-pid") }
            let deadTarget = await processError { try await ctx.register("x", pid: PID(host: testHost, counter: 999)) }
            return [
                .string(error?.kind.name ?? "ok"), .string(badName?.kind.name ?? "ok"),
                .string(deadTarget?.kind.name ?? "ok"),
            ]
        }
        #expect(value(result) == ["ALREADY_EXISTS", "INVALID", "NOT_FOUND"])
    }

    @Test func namesAreReleasedWhenTheirProcessExits() async throws {
        let named = ProcessDefinition(id: "test:named") { ctx in
            try await ctx.register("short-lived")
            try await ctx.register("also-mine")
            return .null
        }
        let result = try await runRoot([named]) { ctx in
            _ = try await ctx.exec("test:named", host: testHost)
            let first = await processError { _ = try await ctx.lookup("short-lived") }
            let second = await processError { _ = try await ctx.lookup("also-mine") }
            try await ctx.register("short-lived")
            return [.string(first?.kind.name ?? "ok"), .string(second?.kind.name ?? "ok")]
        }
        #expect(value(result) == ["NOT_FOUND", "NOT_FOUND"])
    }

    @Test(arguments: 0..<5)
    func exactlyOneOfAHundredRacersWinsAName(round: Int) async throws {
        // Racers stay alive after trying, so the winner keeps the name while the others try.
        let racer = ProcessDefinition(id: "test:racer") { ctx in
            let root = ctx.args[0].stringValue ?? ""
            do {
                try await ctx.register("leader")
                try await ctx.send(root, topic: "outcome", "won")
            } catch let error as ProcessError where error.kind == .alreadyExists {
                try await ctx.send(root, topic: "outcome", "lost")
            }
            for await _ in ctx.inbox() {}
            return .null
        }
        let result = try await runRoot([racer]) { ctx in
            for _ in 0..<100 {
                _ = try await ctx.spawn("test:racer", host: testHost, args: [.string(ctx.pid.description)])
            }
            var won = 0
            var lost = 0
            let inbox = ctx.inbox()
            for _ in 0..<100 {
                switch await inbox.receive()?.payload.first {
                case "won"?: won += 1
                case "lost"?: lost += 1
                default: break
                }
            }
            return [.int(won), .int(lost)]
        }
        #expect(value(result) == [1, 99])
    }

    @Test func spawnOrSignalRacesStartExactlyOneProcess() async throws {
        let holder = ProcessDefinition(id: "test:holder") { ctx in
            var count = 0
            for await message in ctx.inbox() {
                count += 1
                if count == 50, let from = message.from {
                    try await ctx.send(from, topic: "count", .int(count))
                }
            }
            return .null
        }
        let result = try await runRoot([holder]) { ctx in
            let pids = await withTaskGroup(of: PID?.self) { group in
                for n in 0..<50 {
                    group.addTask {
                        try? await ctx.spawner().withName("singleton").withMessage("hit", .int(n))
                            .spawn("test:holder", host: testHost)
                    }
                }
                var all: Set<PID> = []
                for await pid in group { if let pid { all.insert(pid) } }
                return all
            }
            let received = await ctx.inbox().receive()
            return [.int(pids.count), received?.payload.first ?? .null]
        }
        #expect(value(result) == [1, 50])
    }
}
