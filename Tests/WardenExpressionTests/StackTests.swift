import Foundation
import Testing
import WardenExpression
import WardenValue

@Suite("stack use")
struct StackTests {
    /// 512 KiB, the default stack of secondary threads on Darwin, in optimized builds; debug
    /// builds use several times more stack per call, so they get 4 MiB.
    #if DEBUG
    static let stackSize = 4 * 1024 * 1024
    #else
    static let stackSize = 512 * 1024
    #endif

    /// Runs `body` on a thread with a ``stackSize`` stack and waits for it.
    static func onSmallStack(_ body: @escaping @Sendable () -> Bool) async -> Bool {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = stackSize
            thread.start()
        }
    }

    @Test("the deepest accepted expressions compile, evaluate and explain on a small stack")
    func smallStack() async {
        let ok = await Self.onSmallStack {
            NestingAtLimitTests.deepest.allSatisfy { source in
                guard case .success(let e) = ExpressionCompiler.compile(source) else { return false }
                return e.evaluateBool(environment()) == .success(true)
                    && (try? e.explain(environment()).result.get()) == .bool(true)
            }
        }
        #expect(ok)
    }

    @Test("hostile nesting is rejected on a small stack")
    func hostileOnSmallStack() async {
        let ok = await Self.onSmallStack {
            let hostile = [
                String(repeating: "(", count: 10_000), String(repeating: "[", count: 10_000),
                String(repeating: "!", count: 10_000) + "x",
                String(repeating: "len(", count: 10_000), String(repeating: "{a: ", count: 10_000),
                String(repeating: "a ? ", count: 10_000),
            ]
            return hostile.allSatisfy { source in
                if case .failure(let d) = ExpressionCompiler.compile(source) { return d.first?.code == .tooDeep }
                return false
            }
        }
        #expect(ok)
    }
}
