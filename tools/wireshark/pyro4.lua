-- Wireshark dissector for the Pyro4 4.82 remote-object protocol (wire protocol version 48).
-- Decodes the 24-byte header, the annotation chunks and the serpent/json payload, names the object and method of
-- every INVOKE, and inflates zlib-compressed payloads. See README.md beside this file for installation and fields.

local pyro4 = Proto("pyro4", "Pyro4 Remote Objects")

local HEADER_SIZE = 24
local MAGIC = "PYRO"
local VERSION = 48
-- The first six bytes of every version-48 message; a segment is only claimed when it starts with them.
local SIGNATURE = MAGIC .. "\0\48"
local CHECKSUM_MAGIC = 0x34E9
local PORTS = { 9090, 9095 } -- Agenda's name server and objects daemon

local MSG = { CONNECT = 1, CONNECTOK = 2, CONNECTFAIL = 3, INVOKE = 4, RESULT = 5, PING = 6 }
local message_types = {}
for name, value in pairs(MSG) do message_types[value] = name end

local SERPENT, JSON, MARSHAL = 1, 2, 3
local serializers = {
    [1] = "serpent", [2] = "json", [3] = "marshal", [4] = "pickle", [5] = "dill", [6] = "msgpack",
    [7] = "cloudpickle", [42] = "none (ping)",
}

-- Flag bits in header order; the names are the ones Pyro4's message.py uses, lower-cased. Those with a tag are
-- also shown in the Info column. A stream-start RESULT carries exception|items_streaming (0x21) only so that old
-- clients raise; it is tagged as the stream it is.
local FLAGS = {
    { bit = 0x0001, name = "exception", tag = "exception" },
    { bit = 0x0002, name = "compressed", tag = "compressed" },
    { bit = 0x0004, name = "oneway", tag = "oneway" },
    { bit = 0x0008, name = "batch", tag = "batch" },
    { bit = 0x0010, name = "meta_on_connect" },
    { bit = 0x0020, name = "items_streaming", tag = "stream" },
    { bit = 0x0040, name = "keepserialized", tag = "keepserialized" },
}
local COMPRESSED, EXCEPTION, ITEMS_STREAMING = 0x0002, 0x0001, 0x0020

-- Arithmetic rather than bit32: that library is gone from the Lua 5.3/5.4 that newer Wireshark builds embed.
local function has_flag(flags, flag_bit)
    return math.floor(flags / flag_bit) % 2 == 1
end

local CHECKSUM_BAD, CHECKSUM_GOOD = 0, 1

local fields = {
    magic = ProtoField.string("pyro4.magic", "Magic"),
    version = ProtoField.uint16("pyro4.version", "Protocol version"),
    type = ProtoField.uint16("pyro4.type", "Message type", base.DEC, message_types),
    flags = ProtoField.uint16("pyro4.flags", "Flags", base.HEX),
    seq = ProtoField.uint16("pyro4.seq", "Sequence number"),
    datasize = ProtoField.int32("pyro4.datasize", "Data size"),
    serializer = ProtoField.uint16("pyro4.serializer", "Serializer", base.DEC, serializers),
    annotations_size = ProtoField.uint16("pyro4.annotations_size", "Annotations size"),
    reserved = ProtoField.uint16("pyro4.reserved", "Reserved", base.HEX),
    checksum = ProtoField.uint16("pyro4.checksum", "Header checksum", base.HEX),
    checksum_status = ProtoField.uint8("pyro4.checksum.status", "Header checksum status", base.DEC,
        { [CHECKSUM_BAD] = "Bad", [CHECKSUM_GOOD] = "Good" }),
    annotation = ProtoField.none("pyro4.annotation", "Annotation"),
    annotation_key = ProtoField.string("pyro4.annotation.key", "Key"),
    annotation_length = ProtoField.uint16("pyro4.annotation.length", "Length"),
    annotation_value = ProtoField.bytes("pyro4.annotation.value", "Value"),
    payload = ProtoField.string("pyro4.payload", "Payload", base.UNICODE),
    payload_bytes = ProtoField.bytes("pyro4.payload.bytes", "Payload"),
    inflated_size = ProtoField.uint32("pyro4.payload.inflated_size", "Inflated size"),
    object = ProtoField.string("pyro4.object", "Object id", base.UNICODE),
    method = ProtoField.string("pyro4.method", "Method", base.UNICODE),
    reason = ProtoField.string("pyro4.reason", "Refusal reason", base.UNICODE),
}
for _, flag in ipairs(FLAGS) do
    fields["flag_" .. flag.name] = ProtoField.bool("pyro4.flags." .. flag.name, flag.name, 16, nil, flag.bit)
end
pyro4.fields = fields

local experts = {
    bad_checksum = ProtoExpert.new("pyro4.checksum.bad", "Bad Pyro4 header checksum",
        expert.group.CHECKSUM, expert.severity.WARN),
    bad_header = ProtoExpert.new("pyro4.header.bad", "Not a whole Pyro4 version 48 header (stream out of step?)",
        expert.group.MALFORMED, expert.severity.ERROR),
    bad_annotations = ProtoExpert.new("pyro4.annotation.bad", "Annotation chunk runs past the annotation block",
        expert.group.MALFORMED, expert.severity.ERROR),
    not_inflated = ProtoExpert.new("pyro4.payload.not_inflated", "Compressed payload could not be inflated",
        expert.group.UNDECODED, expert.severity.NOTE),
}
pyro4.experts = experts

-- Payload text helpers. They read just enough of a serpent or json literal to name objects and methods; the full
-- payload is always shown as text, so anything they do not understand is simply not summarised.

local ESCAPES = { n = "\n", t = "\t", r = "\r", ["\\"] = "\\", ["'"] = "'", ['"'] = '"' }

-- A quoted string literal at pos (after blanks): its text and the position after it, or nil.
local function read_string_literal(text, pos)
    pos = text:find("%S", pos)
    if not pos then return nil end
    local quote = text:sub(pos, pos)
    if quote ~= "'" and quote ~= '"' then return nil end
    local parts, i = {}, pos + 1
    while i <= #text do
        local c = text:sub(i, i)
        if c == quote then return table.concat(parts), i + 1 end
        if c == "\\" then
            local escaped = text:sub(i + 1, i + 1)
            parts[#parts + 1] = ESCAPES[escaped] or ("\\" .. escaped)
            i = i + 2
        else
            parts[#parts + 1] = c
            i = i + 1
        end
    end
    return nil
end

-- Position of the first non-blank character after an expected punctuation mark, or nil when it is not there.
local function expect(text, pos, mark)
    pos = text:find("%S", pos)
    if pos and text:sub(pos, pos) == mark then return pos + 1 end
    return nil
end

-- Serpent payloads start with a '# serpent utf-8 python3.2' comment line; the literal follows it.
local function literal_start(text)
    local pos = 1
    while text:sub(pos, pos) == "#" do
        local newline = text:find("\n", pos, true)
        if not newline then return #text + 1 end
        pos = newline + 1
    end
    return pos
end

-- INVOKE: serpent sends the tuple (object, method, vargs, kwargs); json sends {"object": .., "method": .., ...}.
local function invoke_target(text, serializer)
    local pos = literal_start(text)
    if serializer == SERPENT then
        pos = expect(text, pos, "(")
        local object, method
        if pos then object, pos = read_string_literal(text, pos) end
        if object then pos = expect(text, pos, ",") end
        if pos then method = read_string_literal(text, pos) end
        return object, method
    elseif serializer == JSON then
        local found = {}
        pos = expect(text, pos, "{")
        while pos do
            local key, value
            key, pos = read_string_literal(text, pos)
            if key then pos = expect(text, pos, ":") end
            if pos then value, pos = read_string_literal(text, pos) end
            if not value then break end
            found[key] = value
            pos = expect(text, pos, ",")
        end
        return found.object, found.method
    end
end

-- CONNECT: the handshake dict ends with the 'object' entry (Pyro adds it after 'handshake', whose value may be any
-- structure), so the last 'object' key is the target.
local function connect_target(text, serializer)
    if serializer ~= SERPENT and serializer ~= JSON then return nil end
    local key_at, search_from = nil, 1
    for _, key in ipairs({ "'object'", '"object"' }) do
        search_from = 1
        while true do
            local found = text:find(key, search_from, true)
            if not found then break end
            if not key_at or found > key_at then key_at = found end
            search_from = found + 1
        end
    end
    if not key_at then return nil end
    local pos = expect(text, key_at + #"'object'", ":")
    return pos and read_string_literal(text, pos)
end

-- CONNECTFAIL carries one string. A daemon that could not read the request header answers in marshal, where a
-- string is a type byte (bit 0x80 only marks it shareable) and a length: one byte for short ASCII, else int32 LE.
local function marshal_string(bytes)
    local kind = bytes:byte(1)
    if not kind then return nil end
    kind = kind % 0x80
    if kind == 0x7A or kind == 0x5A then -- 'z', 'Z': short ASCII
        local length = bytes:byte(2)
        return length and bytes:sub(3, 2 + length)
    elseif kind == 0x75 or kind == 0x61 or kind == 0x41 or kind == 0x74 then -- 'u', 'a', 'A', 't'
        local b1, b2, b3, b4 = bytes:byte(2, 5)
        if not b4 then return nil end
        local length = b1 + b2 * 0x100 + b3 * 0x10000 + b4 * 0x1000000
        return bytes:sub(6, 5 + length)
    end
end

local function refusal_reason(raw, serializer)
    if serializer == MARSHAL then return marshal_string(raw) end
    if serializer == SERPENT or serializer == JSON then
        return (read_string_literal(raw, literal_start(raw)))
    end
end

-- Zlib inflation: Wireshark 4.2 renamed TvbRange:uncompress to uncompress_zlib, and asking a TvbRange for a method
-- it lacks raises an error, so each name is tried under pcall. A failed inflation raises too.
local function inflate(range)
    for _, name in ipairs({ "uncompress_zlib", "uncompress" }) do
        local ok, inflated = pcall(function() return range[name](range, "Inflated Pyro4 payload") end)
        if ok and inflated then return inflated end
    end
    return nil
end

-- Several messages can share one frame; the first sets the Info column and the others are appended to it.
local function set_info(pinfo, text)
    if tostring(pinfo.cols.protocol) == "Pyro4" then
        pinfo.cols.info:append(" | " .. text)
    else
        pinfo.cols.protocol:set("Pyro4")
        pinfo.cols.info:set(text)
    end
end

local function add_annotations(tree, tvb, size)
    local pos, stop = HEADER_SIZE, HEADER_SIZE + size
    while pos < stop do
        if stop - pos < 6 or pos + 6 + tvb(pos + 4, 2):uint() > stop then
            tree:add_proto_expert_info(experts.bad_annotations)
            return
        end
        -- chunk: 4-byte ASCII key, uint16 BE length L, L value bytes
        local key, length = tvb(pos, 4):string(), tvb(pos + 4, 2):uint()
        local chunk = tree:add(fields.annotation, tvb(pos, 6 + length))
        chunk:set_text(string.format("Annotation %s (%d bytes)", key, length))
        chunk:add(fields.annotation_key, tvb(pos, 4))
        chunk:add(fields.annotation_length, tvb(pos + 4, 2))
        if length > 0 then chunk:add(fields.annotation_value, tvb(pos + 6, length)) end
        pos = pos + 6 + length
    end
end

-- The payload as text for serpent, json and ping/pong (inflated first when compressed); returns its raw bytes.
local function add_payload(tree, tvb, offset, size, flags, serializer, msgtype)
    if size <= 0 then return "" end
    local range = tvb(offset, size)
    if has_flag(flags, COMPRESSED) then
        local wire = tree:add(fields.payload_bytes, range)
        local inflated = inflate(range)
        if not inflated then
            wire:set_text(string.format("Compressed payload: %d bytes (zlib, could not be inflated)", size))
            wire:add_proto_expert_info(experts.not_inflated)
            return nil
        end
        wire:set_text(string.format("Compressed payload: %d bytes (zlib), %d bytes inflated", size, inflated:len()))
        wire:add(fields.inflated_size, range, inflated:len()):set_generated()
        tree, range = wire, inflated
    end
    if serializer == SERPENT or serializer == JSON or msgtype == MSG.PING then
        tree:add_packet_field(fields.payload, range, ENC_UTF_8)
    else
        tree:add(fields.payload_bytes, range)
    end
    return range:raw()
end

-- Header (all integers big-endian):
--   offset size field
--        0    4 magic 'PYRO'
--        4    2 protocol version (48)
--        6    2 message type
--        8    2 flags
--       10    2 sequence number
--       12    4 data size (signed int32, payload only)
--       16    2 serializer id
--       18    2 annotations size (whole block)
--       20    2 reserved
--       22    2 checksum = (type + version + data size + annotations size + serializer + flags + seq + 0x34E9) & 0xFFFF
local function read_header(tvb)
    local h = {
        type = tvb(6, 2):uint(), flags = tvb(8, 2):uint(), seq = tvb(10, 2):uint(), datasize = tvb(12, 4):int(),
        serializer = tvb(16, 2):uint(), annotations_size = tvb(18, 2):uint(), checksum = tvb(22, 2):uint(),
    }
    h.expected_checksum = (h.type + VERSION + h.datasize + h.annotations_size + h.serializer + h.flags + h.seq
        + CHECKSUM_MAGIC) % 0x10000
    h.checksum_ok = h.checksum == h.expected_checksum
    h.type_name = message_types[h.type] or ("type " .. h.type)
    return h
end

local function add_header(root, tvb, h)
    root:add(fields.magic, tvb(0, 4))
    root:add(fields.version, tvb(4, 2))
    root:add(fields.type, tvb(6, 2))
    local flag_tree = root:add(fields.flags, tvb(8, 2))
    for _, flag in ipairs(FLAGS) do flag_tree:add(fields["flag_" .. flag.name], tvb(8, 2)) end
    root:add(fields.seq, tvb(10, 2))
    root:add(fields.datasize, tvb(12, 4))
    root:add(fields.serializer, tvb(16, 2))
    root:add(fields.annotations_size, tvb(18, 2))
    root:add(fields.reserved, tvb(20, 2))
    local checksum_item = root:add(fields.checksum, tvb(22, 2))
    root:add(fields.checksum_status, tvb(22, 2), h.checksum_ok and CHECKSUM_GOOD or CHECKSUM_BAD):set_generated()
    if not h.checksum_ok then
        checksum_item:append_text(string.format(" [incorrect, should be 0x%04x]", h.expected_checksum))
        checksum_item:add_proto_expert_info(experts.bad_checksum)
    end
end

-- What the payload says about the call: object and method of an INVOKE, target of a CONNECT, reason of a
-- CONNECTFAIL. Adds them as generated fields and returns them as text for the Info column ("" when unknown).
local function add_call_summary(root, raw, h)
    if h.type == MSG.INVOKE then
        local object, method = invoke_target(raw, h.serializer)
        if object then root:add(fields.object, object):set_generated() end
        if method then root:add(fields.method, method):set_generated() end
        if object and method then return " " .. object .. "." .. method end
    elseif h.type == MSG.CONNECT then
        local object = connect_target(raw, h.serializer)
        if object then
            root:add(fields.object, object):set_generated()
            return " " .. object
        end
    elseif h.type == MSG.CONNECTFAIL then
        local reason = refusal_reason(raw, h.serializer)
        if reason then
            root:add(fields.reason, reason):set_generated()
            return " " .. reason
        end
    end
    return ""
end

local function flag_tags(h)
    local tags = ""
    for _, flag in ipairs(FLAGS) do
        local shown = flag.tag and has_flag(h.flags, flag.bit)
        -- a stream-start RESULT is tagged [stream] only, see FLAGS
        if flag.bit == EXCEPTION and has_flag(h.flags, ITEMS_STREAMING) then shown = false end
        if shown then tags = tags .. " [" .. flag.tag .. "]" end
    end
    if not h.checksum_ok then tags = tags .. " [bad checksum]" end
    return tags
end

local function dissect_message(tvb, pinfo, tree)
    local root = tree:add(pyro4, tvb())
    if tvb:len() < HEADER_SIZE or tvb:raw(0, #SIGNATURE) ~= SIGNATURE then
        root:add_proto_expert_info(experts.bad_header)
        set_info(pinfo, "not a Pyro4 message")
        return tvb:len()
    end
    local h = read_header(tvb)
    root:append_text(string.format(", %s, seq %d", h.type_name, h.seq))
    add_header(root, tvb, h)
    add_annotations(root, tvb, h.annotations_size)
    local raw = add_payload(root, tvb, HEADER_SIZE + h.annotations_size, h.datasize, h.flags, h.serializer, h.type)
    local summary = raw and add_call_summary(root, raw, h) or ""
    set_info(pinfo, string.format("%s seq=%d", h.type_name, h.seq) .. summary .. flag_tags(h))
    return tvb:len()
end

-- Whole message length from its header. A header that is not Pyro's (or a truncated one, when reassembly is off)
-- is handed over whole, so that dissect_message flags it.
local function message_length(tvb, pinfo, offset)
    local remaining = tvb:len() - offset
    if remaining < HEADER_SIZE or tvb:raw(offset, #SIGNATURE) ~= SIGNATURE then return remaining end
    local datasize = tvb(offset + 12, 4):int()
    if datasize < 0 then return remaining end
    return HEADER_SIZE + tvb(offset + 18, 2):uint() + datasize
end

-- True when the segment starts with the signature, or with a piece of it when the segment is shorter.
local function starts_like_pyro4(tvb)
    local length = math.min(tvb:len(), #SIGNATURE)
    return length > 0 and tvb:raw(0, length) == SIGNATURE:sub(1, length)
end

local function dissect(tvb, pinfo, tree)
    if not starts_like_pyro4(tvb) then return 0 end
    dissect_tcp_pdus(tvb, tree, HEADER_SIZE, message_length, dissect_message)
    return tvb:len()
end
pyro4.dissector = dissect

local tcp_seq = Field.new("tcp.seq")

-- Python daemons listen on random ports, so a TCP stream is also claimed when it opens with the signature. A
-- message written in tiny segments (the first shorter than the signature) is claimed only at the very start of
-- the stream (relative sequence number 1), where a stray match is unlikely. The conversation is then remembered, so
-- the rest of the stream, replies included, comes straight to this dissector.
local function heuristic(tvb, pinfo, tree)
    if not starts_like_pyro4(tvb) then return false end
    if tvb:len() < #SIGNATURE then
        local seq = tcp_seq()
        if not seq or seq.value ~= 1 then return false end
    end
    pinfo.conversation = pyro4
    -- Called directly: going through pyro4.dissector would count as one more layer and forbid reassembly.
    dissect(tvb, pinfo, tree)
    return true
end

local tcp_ports = DissectorTable.get("tcp.port")
for _, port in ipairs(PORTS) do tcp_ports:add(port, pyro4) end
pyro4:register_heuristic("tcp", heuristic)
