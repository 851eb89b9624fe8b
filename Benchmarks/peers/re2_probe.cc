// RE2 alone, no Swift: the attack pattern of RegexBenchmarks on the same 10 KB subject, timed
// beside a table walk over the same bytes (a loop whose cost does not depend on RE2), fifteen
// rounds of 300 matches each, medians per round. Shows whether a slow regex row comes from
// Warden's wrapper or from RE2 on this machine.
//   g++ -O2 Benchmarks/peers/re2_probe.cc -o /tmp/re2_probe $(pkg-config --cflags --libs re2)
//   /tmp/re2_probe; taskset -c 0 /tmp/re2_probe
#include <re2/re2.h>
#include <chrono>
#include <cstdio>
#include <string>
#include <algorithm>
#include <vector>
#include <cstdint>
template<class F> double med(F f,int n){ std::vector<double> v; for(int k=0;k<n;k++){auto t0=std::chrono::steady_clock::now(); f(); auto t1=std::chrono::steady_clock::now(); v.push_back(std::chrono::duration<double,std::micro>(t1-t0).count());} std::sort(v.begin(),v.end()); return v[v.size()/2];}
volatile int sink;
int main(){
  re2::RE2::Options o; o.set_log_errors(false); o.set_max_mem(4<<20);
  re2::RE2 attack("^(?:(a+)+$|.*evil)", o);
  int size=10240; std::string hit=std::string(size-5,'a')+"!evil";
  std::vector<uint32_t> table(64*256); for(size_t i=0;i<table.size();i++) table[i]=(i*2654435761u>>7)%64;
  for(int r=0;r<15;r++){
    double a=med([&]{sink=attack.Match(hit,0,hit.size(),re2::RE2::UNANCHORED,nullptr,0);},300);
    double b=med([&]{uint32_t s=0; for(unsigned char c:hit) s=table[s*256+c]; sink=s;},300);
    printf("re2 %.1f  table-walk %.1f  ratio %.2f\n",a,b,a/b);
  }
}
