import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct MessagingTests {
    @Test func messagesCarryTopicSenderAndPayload() async throws {
        let result = try await runRoot { ctx in
            let me = ctx.pid
            try await ctx.send(me, topic: "greeting", "hello", 42, ["x": 1])
            guard let message = await ctx.inbox().receive() else { return "no message" }
            return [
                .string(message.topic), .string(message.from?.description ?? ""), .list(message.payload),
                .string(me.description),
            ]
        }
        guard case .list(let parts)? = value(result), parts.count == 4 else {
            Issue.record(
                "expected the received message's topic, sender and payload, got \(String(describing: value(result)))")
            return
        }
        #expect(parts[0] == "greeting")
        #expect(parts[1] == parts[3])
        #expect(parts[2] == ["hello", 42, ["x": 1]])
    }

    @Test func sendNowDeliversAtOnceAndReportsWhatSendWould() async throws {
        // The built-in runtime sends without suspending: the message is in the inbox when
        // `sendNow` returns, and its failures are the ones `send` throws.
        let result = try await runRoot { ctx in
            let me = Destination.pid(ctx.pid)
            let delivered = ctx.sendNow(me, topic: "now", payload: [1, "two"])
            let message = ctx.inbox().tryReceive()
            let unknown = ctx.sendNow(.name("nobody"), topic: "t", payload: [])
            let reserved = ctx.sendNow(me, topic: "@inbox", payload: [])
            func kind(_ outcome: Result<Void, ProcessError>?) -> Value {
                switch outcome {
                case .success?: "sent"
                case .failure(let error)?: .string(error.kind.name)
                case nil: "not supported"
                }
            }
            return [
                kind(delivered), .string(message?.topic ?? "none"), .list(message?.payload ?? []), kind(unknown),
                kind(reserved),
            ]
        }
        #expect(value(result) == ["sent", "now", [1, "two"], "NOT_FOUND", "INVALID"])
    }

    @Test func sendingByRegisteredNameReachesTheHolder() async throws {
        let result = try await runRoot([waitForMessage("test:wait")]) { ctx in
            let child = try await ctx.spawnMonitored("test:wait", host: testHost)
            try await ctx.register("svc", pid: child)
            try await ctx.send("svc", topic: "job", "done")
            return await nextEvent(ctx.events(), .exit)?.result?.tableValue ?? .null
        }
        #expect(value(result) == ["value": "done"])
    }

    @Test(arguments: ["@inbox", "@events", "@", ""])
    func reservedAndEmptyTopicsAreInvalid(topic: String) async throws {
        let result = try await runRoot { ctx in
            let error = await processError { try await ctx.send(ctx.pid, topic: topic, 1) }
            let listenError = await processError { _ = try ctx.listen(topic) }
            let spawnError = await processError {
                _ = try await ctx.spawner().withMessage(topic, 1).spawn("test:root", host: testHost)
            }
            return [
                .string(error?.kind.name ?? "none"), .string(listenError?.kind.name ?? "none"),
                .string(spawnError?.kind.name ?? "none"),
            ]
        }
        #expect(value(result) == ["INVALID", "INVALID", "INVALID"])
    }

    @Test func unknownNamesAndDeadProcessesAreNotFound() async throws {
        let result = try await runRoot([ProcessDefinition(id: "test:quick") { _ in .null }]) { ctx in
            let child = try await ctx.spawnMonitored("test:quick", host: testHost)
            _ = await nextEvent(ctx.events(), .exit)
            let dead = await processError { try await ctx.send(child, topic: "t") }
            let unknown = await processError { try await ctx.send("nobody", topic: "t") }
            let malformed = await processError { try await ctx.send("{broken", topic: "t") }
            return [
                .string(dead?.kind.name ?? "ok"), .string(unknown?.kind.name ?? "ok"),
                .string(malformed?.kind.name ?? "ok"),
            ]
        }
        #expect(value(result) == ["NOT_FOUND", "NOT_FOUND", "INVALID"])
    }

    @Test func listenedTopicsBypassTheInbox() async throws {
        let result = try await runRoot { ctx in
            let jobs = try ctx.listen("job")
            let full = try ctx.listen("audit", as: .messages)
            try await ctx.send(ctx.pid, topic: "job", 1, 2)
            try await ctx.send(ctx.pid, topic: "other", 3)
            try await ctx.send(ctx.pid, topic: "audit", 4)
            let payload = await jobs.receive()
            let message = await full.receive()
            let inboxed = await ctx.inbox().receive()
            return [
                .list(payload ?? []), .string(message?.topic ?? ""), .list(message?.payload ?? []),
                .string(inboxed?.topic ?? ""), .int(jobs.count + ctx.inbox().count),
            ]
        }
        #expect(value(result) == [[1, 2], "audit", [4], "other", 0])
    }

    @Test func listeningTwiceReturnsTheSameChannelAndOtherFormatIsInvalid() async throws {
        let result = try await runRoot { ctx in
            let first = try ctx.listen("t")
            let second = try ctx.listen("t")
            let mismatch = await processError { _ = try ctx.listen("t", as: .messages) }
            return [.bool(first === second), .string(mismatch?.code ?? "none")]
        }
        #expect(value(result) == [true, "listen-format-mismatch"])
    }

    @Test func unlistenEndsTheChannelAndRoutesTheTopicBackToTheInbox() async throws {
        let result = try await runRoot { ctx in
            let channel = try ctx.listen("t")
            try await ctx.send(ctx.pid, topic: "t", 1)
            let removed = ctx.unlisten(channel)
            let removedAgain = ctx.unlisten(channel)
            try await ctx.send(ctx.pid, topic: "t", 2)
            let buffered = await channel.receive()
            let ended = await channel.receive()
            let inboxed = await ctx.inbox().receive()
            return [
                .bool(removed), .bool(removedAgain), .list(buffered ?? []), ended == nil ? "ended" : "open",
                .list(inboxed?.payload ?? []),
            ]
        }
        #expect(value(result) == [true, false, [1], "ended", [2]])
    }

    @Test func fiftySendersKeepTheirOwnOrder() async throws {
        let perSender = 200
        let senders = 50
        let sender = ProcessDefinition(id: "test:sender") { ctx in
            guard case .string(let target)? = ctx.args.first, case .int(let index)? = ctx.args.last else {
                return .null
            }
            for seq in 0..<perSender {
                try await ctx.send(target, topic: "seq", .int(index), .int(seq))
            }
            return .null
        }
        let result = try await runRoot([sender]) { ctx in
            for index in 0..<senders {
                _ = try await ctx.spawn(
                    "test:sender", host: testHost, args: [.string(ctx.pid.description), .int(index)])
            }
            var next = [Int](repeating: 0, count: senders)
            var outOfOrder = 0
            let inbox = ctx.inbox()
            for _ in 0..<(perSender * senders) {
                guard let message = await inbox.receive(),
                    case .int(let index) = message.payload[0], case .int(let seq) = message.payload[1]
                else { return "missing message" }
                if seq != next[index] { outOfOrder += 1 }
                next[index] = seq + 1
            }
            return [.int(outOfOrder), .bool(next.allSatisfy { $0 == perSender })]
        }
        #expect(value(result) == [0, true])
    }
}
