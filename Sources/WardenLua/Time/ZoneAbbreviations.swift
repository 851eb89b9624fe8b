import Foundation
import WardenSync

/// Zone abbreviations (`EST`, `CEST`) from the system's compiled time zone database
/// (`/usr/share/zoneinfo`, or `$TZDIR`), as Go reads them. Foundation on Linux gives offsets
/// but names zones `GMT-5`, so only the abbreviations come from here.
struct ZoneAbbreviations {
    private struct LocalType {
        let offset: Int
        let isDaylightSaving: Bool
        let abbreviation: String
    }

    private let transitions: [Int]
    private let transitionTypes: [Int]
    private let types: [LocalType]

    private static let cache = Locked<[String: ZoneAbbreviations?]>([:])

    /// The abbreviations of the zone `identifier` (`America/New_York`), read once; `nil` when the
    /// database has no readable file for it.
    static func of(_ identifier: String) -> ZoneAbbreviations? {
        if let cached = cache.withLock({ $0[identifier] }) { return cached }
        let loaded = load(identifier)
        cache.withLock { $0[identifier] = loaded }
        return loaded
    }

    /// The abbreviation in effect at the Unix time `seconds`, given the offset and daylight-saving
    /// flag Foundation reports for that time.
    func abbreviation(atUnix seconds: Int, offset: Int, isDaylightSaving: Bool) -> String? {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        if low > 0, types[transitionTypes[low - 1]].offset == offset {
            return types[transitionTypes[low - 1]].abbreviation
        }
        for index in transitionTypes.reversed() + Array(types.indices).reversed()
        where types[index].offset == offset && types[index].isDaylightSaving == isDaylightSaving {
            return types[index].abbreviation
        }
        return nil
    }

    private static func load(_ identifier: String) -> ZoneAbbreviations? {
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), !identifier.split(separator: "/").contains("..")
        else { return nil }
        let directory = ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
        guard let data = FileManager.default.contents(atPath: directory + "/" + identifier) else { return nil }
        return parse(Array(data))
    }

    /// Reads a TZif file (RFC 8536): the version 2+ block when there is one, else version 1.
    static func parse(_ bytes: [UInt8]) -> ZoneAbbreviations? {
        func integer(at offset: Int, size: Int) -> Int? {
            guard offset >= 0, offset + size <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[offset..<offset + size] { value = value << 8 | Int(byte) }
            let bits = size * 8
            return value >= 1 << (bits - 1) ? value - (1 << bits) : value
        }
        func counts(at header: Int) -> [Int]? {
            guard header + 44 <= bytes.count, Array(bytes[header..<header + 4]) == Array("TZif".utf8) else {
                return nil
            }
            let values = (0..<6).compactMap { integer(at: header + 20 + 4 * $0, size: 4) }
            return values.count == 6 && values.allSatisfy({ $0 >= 0 }) ? values : nil
        }
        guard var c = counts(at: 0) else { return nil }
        var header = 0
        var timeSize = 4
        if bytes[4] >= UInt8(ascii: "2") {
            header = 44 + c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]
            guard let second = counts(at: header) else { return nil }
            c = second
            timeSize = 8
        }
        let (timeCount, typeCount, charCount) = (c[3], c[4], c[5])
        var cursor = header + 44
        var transitions: [Int] = []
        for index in 0..<timeCount {
            guard let time = integer(at: cursor + index * timeSize, size: timeSize) else { return nil }
            transitions.append(time)
        }
        cursor += timeCount * timeSize
        guard cursor + timeCount + typeCount * 6 + charCount <= bytes.count, typeCount > 0 else { return nil }
        let transitionTypes = bytes[cursor..<cursor + timeCount].map(Int.init)
        guard transitionTypes.allSatisfy({ $0 < typeCount }) else { return nil }
        cursor += timeCount
        let characters = Array(bytes[(cursor + typeCount * 6)..<(cursor + typeCount * 6 + charCount)])
        var types: [LocalType] = []
        for index in 0..<typeCount {
            let record = cursor + index * 6
            guard let offset = integer(at: record, size: 4) else { return nil }
            let start = Int(bytes[record + 5])
            guard start < characters.count else { return nil }
            let end = characters[start...].firstIndex(of: 0) ?? characters.count
            types.append(
                LocalType(
                    offset: offset, isDaylightSaving: bytes[record + 4] != 0,
                    abbreviation: String(decoding: characters[start..<end], as: UTF8.self)))
        }
        return ZoneAbbreviations(transitions: transitions, transitionTypes: transitionTypes, types: types)
    }
}
