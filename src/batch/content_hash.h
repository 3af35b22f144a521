#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dw::batch {

// A fast 64-bit content hash for change detection (not for security).
uint64_t hash_bytes(std::string_view bytes, uint64_t seed = 0x9e3779b97f4a7c15ull);
std::string hash_hex(uint64_t hash);

// What a file looked like when it was hashed: a file whose size and modification time are
// unchanged is taken to be unchanged, as make and git do, so a no-op build reads no file.
struct FileStamp {
    int64_t size = -1;
    int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

std::optional<FileStamp> stamp_of(const std::string& path);

struct HashedFile {
    FileStamp stamp;
    uint64_t hash = 0;
};

// Hashes files at most once per build, and not at all when a known stamp still matches.
class FileHasher {
public:
    // A stamp and hash seen in an earlier build.
    void remember(const std::string& path, const HashedFile& known);
    // nullopt when the file cannot be read.
    std::optional<HashedFile> hash(const std::string& path);

private:
    std::map<std::string, HashedFile> known_;
    std::map<std::string, HashedFile> current_;
};

}  // namespace dw::batch
