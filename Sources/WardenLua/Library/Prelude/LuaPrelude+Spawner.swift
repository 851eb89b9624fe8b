extension LuaPrelude {
    /// The spawner builder (`process.with_context(...):with_actor(...):spawn(...)`): returns
    /// the spawner methods and the function that makes a spawner from its options.
    static let spawner = #"""
        local P, core = ...
        local S = core()
        local setmetatable, getmetatable, type, select, pairs, ipairs =
            setmetatable, getmetatable, type, select, pairs, ipairs
        local spawn = P.spawn

        -- Spawner builder ---------------------------------------------------------------------------
        local Spawner = {__name = "spawner"}
        local SpawnerMethods = {}
        Spawner.__index = SpawnerMethods
        local function new_spawner(options) return setmetatable({_o = options}, Spawner) end
        local function spawner_with(s, key, value)
            local options = {}
            for k, v in pairs(s._o) do options[k] = v end
            options[key] = value
            return new_spawner(options)
        end
        function SpawnerMethods:with_context(values)
            local merged = {}
            if self._o.context then for k, v in pairs(self._o.context) do merged[k] = v end end
            if type(values) == "table" then for k, v in pairs(values) do merged[k] = v end else merged = values end
            return spawner_with(self, "context", merged)
        end
        -- Actor and scope values of the security module become the plain tables the host reads.
        local function plain_security(value)
            local values = S.security_values
            if values and getmetatable(value) == values.Actor then return {id = value._id, meta = value._meta} end
            if values and getmetatable(value) == values.Scope then return {policies = value._policies, groups = value._groups} end
            return value
        end
        function SpawnerMethods:with_actor(actor) return spawner_with(self, "actor", plain_security(actor)) end
        function SpawnerMethods:with_scope(scope) return spawner_with(self, "scope", plain_security(scope)) end
        function SpawnerMethods:with_name(name) return spawner_with(self, "name", name) end
        function SpawnerMethods:with_message(topic, ...)
            local messages = {}
            if self._o.messages then for i, m in ipairs(self._o.messages) do messages[i] = m end end
            messages[#messages + 1] = {topic = topic, payload = {...}, n = select("#", ...)}
            return spawner_with(self, "messages", messages)
        end
        function SpawnerMethods:spawn(id, host, ...) return spawn("plain", self._o, id, host, ...) end
        function SpawnerMethods:spawn_monitored(id, host, ...) return spawn("monitored", self._o, id, host, ...) end
        function SpawnerMethods:spawn_linked(id, host, ...) return spawn("linked", self._o, id, host, ...) end
        function SpawnerMethods:spawn_linked_monitored(id, host, ...) return spawn("linked_monitored", self._o, id, host, ...) end
        return SpawnerMethods, new_spawner
        """#
}
