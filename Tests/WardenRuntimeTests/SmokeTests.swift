import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct SmokeTests {
    @Test func pingPong() async throws {
        let echo = ProcessDefinition(id: "test:echo") { ctx in
            let inbox = ctx.inbox()
            while let message = await inbox.receive() {
                guard let from = message.from else { continue }
                try await ctx.send(from, topic: "pong", payload: message.payload)
                if message.payload.first == .int(99) { break }
            }
            return .null
        }
        let result = try await runRoot([echo]) { ctx in
            let child = try await ctx.spawn("test:echo", host: testHost)
            var total = 0
            for i in 0..<100 {
                try await ctx.send(child, topic: "ping", .int(i))
                if case .int(let n)? = await ctx.inbox().receive()?.payload.first { total += n }
            }
            return .int(total)
        }
        #expect(value(result) == .int(4950))
    }
}
