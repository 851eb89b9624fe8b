extension LuaPrelude {
    /// The `json` module.
    static let json = #"""
        local P, core = ...
        local result = core().result
        return {
            encode = function(value) return result(P.json_encode(value)) end,
            decode = function(text) return result(P.json_decode(text)) end,
        }
        """#

    /// The `uuid` module.
    static let uuid = #"""
        local P = ...
        return {v4 = function() return P.uuid_v4() end, v7 = function() return P.uuid_v7() end}
        """#

    /// The `ctx` module.
    static let ctx = #"""
        local P, core = ...
        local result = core().result
        return {
            get = function(key) return result(P.ctx_get(key)) end,
            all = function() return P.ctx_all() end,
        }
        """#
}
