/// The keys of a one-line JSON object's top level, in the order they are written.
enum JSONKeyOrder {
    static func topLevelKeys(_ text: String) -> [String] {
        var keys: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var current = ""
        var lastString: String?
        for character in text {
            if inString {
                if escaped {
                    escaped = false
                    current.append(character)
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    lastString = current
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                inString = true
                current = ""
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            case ":":
                if depth == 1, let key = lastString { keys.append(key) }
            default: break
            }
            if character != ":" && character != "\"" && !character.isWhitespace { lastString = nil }
        }
        return keys
    }
}
