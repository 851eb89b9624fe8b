import Dispatch
import WardenLua

/// The terminal of `warden run`'s terminal hosts: the command's output and input (standard
/// output and standard input, or buffers in tests). Reads run on a queue of their own, so a
/// process waiting for a line holds no runtime thread.
struct CommandTerminal: LuaTerminal {
    let io: CommandIO
    private let reads = DispatchQueue(label: "warden.run.terminal")

    init(io: CommandIO) { self.io = io }

    func write(_ text: String) { io.output.write(text) }

    func readLine() async -> String? {
        let input = io.input
        return await withCheckedContinuation { continuation in
            reads.async {
                let line = (try? input.nextLine()).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
                continuation.resume(returning: line)
            }
        }
    }
}
