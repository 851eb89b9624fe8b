import Foundation
import Testing

@testable import WardenAuditRecord
@testable import WardenAuditReview

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct BackwardLineReaderTests {
    /// The lines of `text` read backwards in blocks of `blockSize`, put back in file order.
    private func readBackwards(_ text: String, blockSize: Int, floor: Int64 = 0) throws -> [BackwardLineReader.Line] {
        let dir = try TemporaryDirectory()
        try dir.write("f", Array(text.utf8))
        let fd = try FileDescriptor.openFile(dir.file("f"), O_RDONLY)
        defer { try? fd.closeFile() }
        let reader = BackwardLineReader(fd, from: Int64(text.utf8.count), floor: floor, blockSize: blockSize)
        var lines: [BackwardLineReader.Line] = []
        while let line = try reader.previous() { lines.append(line) }
        return lines.reversed()
    }

    /// The same lines found forwards, by splitting the text.
    private func expected(_ text: String, floor: Int = 0) -> [(text: String, offset: Int64, terminated: Bool)] {
        let bytes = Array(text.utf8)
        var out: [(String, Int64, Bool)] = []
        var start = floor
        for (i, byte) in bytes.enumerated() where i >= floor && byte == 0x0A {
            out.append((String(decoding: bytes[start..<i], as: UTF8.self), Int64(start), true))
            start = i + 1
        }
        if start < bytes.count { out.append((String(decoding: bytes[start...], as: UTF8.self), Int64(start), false)) }
        return out
    }

    static let texts = [
        "", "\n", "\n\n", "a", "a\n", "one\ntwo\nthree\n", "one\ntwo\nthree", "\nstarts with a newline\n",
        String(repeating: "long line ", count: 40) + "\nshort\n" + String(repeating: "x", count: 100),
    ]

    @Test(arguments: texts, [1, 2, 3, 7, 64, 1 << 16])
    func findsTheSameLinesAsReadingForwards(text: String, blockSize: Int) throws {
        let lines = try readBackwards(text, blockSize: blockSize)
        let want = expected(text)
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == want.map(\.text))
        #expect(lines.map(\.offset) == want.map(\.offset))
        #expect(lines.map(\.terminated) == want.map(\.terminated))
    }

    @Test func stopsAtTheFloor() throws {
        let text = "skipped\nalso skipped\nkept\nkept too\n"
        let floor = Int64("skipped\nalso skipped\n".utf8.count)
        let lines = try readBackwards(text, blockSize: 4, floor: floor)
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["kept", "kept too"])
        #expect(lines.first?.offset == floor)
    }

    @Test func theLastLinesOfALargeFileReadOnlyTheirOwnBlocks() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("large")
        let hole: Int64 = 1 << 30  // a sparse gigabyte without a single newline
        let fd = try FileDescriptor.openFile(path, O_RDWR | O_CREAT)
        defer { try? fd.closeFile() }
        try fd.truncate(to: hole)
        let tail = (1...100).map { "line \($0)\n" }.joined()
        _ = Array(tail.utf8).withUnsafeBytes { raw in pwrite(fd.raw, raw.baseAddress, raw.count, off_t(hole)) }
        let reader = BackwardLineReader(fd, from: hole + Int64(tail.utf8.count), blockSize: 256)
        var last: [String] = []
        for _ in 0..<3 {
            if let line = try reader.previous() { last.append(String(decoding: line.bytes, as: UTF8.self)) }
        }
        #expect(last == ["line 100", "line 99", "line 98"])
        #expect(reader.bytesRead <= 256)
    }

    @Test func aLineLongerThanTheLimitIsAnError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("huge")
        let fd = try FileDescriptor.openFile(path, O_RDWR | O_CREAT)
        defer { try? fd.closeFile() }
        let size = Int64(LineReader.maxLineBytes) + (1 << 17)
        try fd.truncate(to: size)  // zero bytes, no newline
        let reader = BackwardLineReader(fd, from: size)
        #expect {
            _ = try reader.previous()
        } throws: { error in
            guard case .lineTooLong(let end) = error as? BackwardReadError else { return false }
            return end == size
        }
    }
}
