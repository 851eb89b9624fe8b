extension LuaPrelude {
    /// The `process` global: an empty table whose fields are made on their first read. The host
    /// makes the calls of spec/process.md section 1 (each is the host function itself, no Lua
    /// wrapper), `process.registry` and `process.event`; the spawner builder's `with_*`
    /// functions come from the spawner piece, loaded by the first of them. `pairs(process)`
    /// makes every field first.
    static let process = #"""
        local P, core = ...
        local rawget, rawset, setmetatable, ipairs, next = rawget, rawset, setmetatable, ipairs, next

        local function field(t, name)
            local value = P.process_field(name)
            if value ~= nil then
                rawset(t, name, value)
                return value
            end
            if name == "with_context" or name == "with_actor" or name == "with_scope" or name == "with_name"
                or name == "with_message" then
                P.piece("spawner")(P, core, t)
                return rawget(t, name)
            end
            return nil
        end

        process = setmetatable({}, {
            __index = field,
            __pairs = function(t)
                for _, name in ipairs(P.process_names()) do local _ = t[name] end
                return next, t, nil
            end,
        })
        """#

    /// The names of the `process` table's fields that are not host functions
    /// (``LuaFunctionID/processFields``): `pairs(process)` lists them too.
    static let processTableNames = [
        "event", "registry", "with_actor", "with_context", "with_message", "with_name", "with_scope",
    ]
}
