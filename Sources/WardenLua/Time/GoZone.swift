import Foundation

/// A time zone as Lua's `time` module names it: UTC, a fixed offset (`time.fixed_zone`, or a
/// zone a parsed string gave), or a zone of the IANA database (`time.load_location`, `Local`).
enum GoZone {
    case fixed(name: String, offset: Int)
    case named(name: String, zone: TimeZone)

    /// Coordinated Universal Time.
    static let utc = GoZone.fixed(name: "UTC", offset: 0)

    /// The zone a Lua location stands for: `name` with `offset` seconds east of UTC when the
    /// offset is given, otherwise the IANA zone `name` (`Local`: the machine's zone); `nil` for
    /// a name the database does not know.
    static func lookup(name: String?, offset: Int?) -> GoZone? {
        guard let name else { return .utc }
        if let offset { return .fixed(name: name, offset: offset) }
        switch name {
        case "UTC", "": return .utc
        case "Local": return .named(name: "Local", zone: .current)
        default: return TimeZone(identifier: name).map { .named(name: name, zone: $0) }
        }
    }

    /// The name Lua's `location:string()` shows.
    var name: String {
        switch self {
        case .fixed(let name, _), .named(let name, _): name
        }
    }

    /// The offset east of UTC in effect at the Unix time `seconds`, and its abbreviation
    /// (`EST`; `+0530` style where the database has none; the zone's name for a fixed zone).
    func offset(atUnix seconds: Int) -> (offset: Int, abbreviation: String) {
        switch self {
        case .fixed(let name, let offset):
            return (offset, name)
        case .named(_, let zone):
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let offset = zone.secondsFromGMT(for: date)
            if zone.identifier == "UTC" || zone.identifier == "GMT" || zone.identifier == "Etc/UTC" {
                return (offset, "UTC")
            }
            let abbreviation = ZoneAbbreviations.of(zone.identifier)?.abbreviation(
                atUnix: seconds, offset: offset, isDaylightSaving: zone.isDaylightSavingTime(for: date))
            return (offset, abbreviation ?? GoZone.numericAbbreviation(offset))
        }
    }

    /// The Unix time of the wall-clock time `local` (seconds as if the zone were UTC); in a
    /// gap or an overlap of a daylight-saving change, the offset in effect just before.
    func utcSeconds(fromLocal local: Int) -> Int {
        if case .fixed(_, let offset) = self { return local - offset }
        let first = offset(atUnix: local).offset
        let guess = local - first
        let second = offset(atUnix: guess).offset
        guard second != first else { return guess }
        let other = local - second
        return offset(atUnix: other).offset == second ? other : guess
    }

    /// `+05`, `-0330`: what Go prints for a zone without an abbreviation.
    static func numericAbbreviation(_ offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        let hours = String(minutes / 60).leftPadded(to: 2)
        return minutes % 60 == 0 ? sign + hours : sign + hours + String(minutes % 60).leftPadded(to: 2)
    }
}
