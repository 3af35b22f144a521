#include <iostream>

int main() {
    std::cout << "drukwerk " << DRUKWERK_VERSION << "\n";
    return 0;
}
