#include "batch/content_hash.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

namespace dw::batch {
namespace {

uint64_t mix(uint64_t h) {  // a 64-bit finaliser: every input bit affects every output bit
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

}  // namespace

uint64_t hash_bytes(std::string_view bytes, uint64_t seed) {
    uint64_t h = seed ^ (bytes.size() * 0x87c37b91114253d5ull);
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        h = (h ^ mix(word)) * 0x4cf5ad432745937full;
        h = (h << 31) | (h >> 33);
    }
    uint64_t tail = 0;
    if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    return mix(h ^ mix(tail ^ 0x52dce729u));
}

std::string hash_hex(uint64_t hash) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

std::optional<FileStamp> stamp_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileStamp{static_cast<int64_t>(st.st_size),
                     static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

void FileHasher::remember(const std::string& path, const HashedFile& known) {
    known_[path] = known;
}

std::optional<HashedFile> FileHasher::hash(const std::string& path) {
    if (auto it = current_.find(path); it != current_.end()) return it->second;
    std::optional<FileStamp> stamp = stamp_of(path);
    if (!stamp) return std::nullopt;
    if (auto it = known_.find(path); it != known_.end() && it->second.stamp == *stamp) {
        return current_[path] = it->second;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return std::nullopt;
    return current_[path] = HashedFile{*stamp, hash_bytes(bytes)};
}

}  // namespace dw::batch
