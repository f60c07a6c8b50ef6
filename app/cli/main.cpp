// longitude-cli entry point (placeholder until the CLI lands).
#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("longitude-cli %s\n", LONGITUDE_VERSION);
        return 0;
    }
    std::printf("usage: longitude-cli validate FILE...\n");
    return 0;
}
