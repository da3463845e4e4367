    # noros module: Firecracker: KVM, CNI plugins, hyperthreading off
    {
      boot.kernelModules = [ "kvm-intel" "tun" "vhost_vsock" ];
      boot.kernel.sysctl = { "net.ipv4.ip_forward" = 1; };
      environment.systemPackages = [ pkgs.firecracker pkgs.cni-plugins ];
      boot.kernelParams = [ "nosmt" ];
    }
