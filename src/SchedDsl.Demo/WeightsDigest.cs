using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace SchedDsl.Demo;

/// <summary>A SHA-256 over a model's state (every parameter's and buffer's name and bytes): equal digests, equal weights.</summary>
internal static class WeightsDigest
{
    public static string Sha256(nn.Module model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, tensor) in model.state_dict())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            using var host = tensor.detach().cpu().contiguous();
            hash.AppendData(host.bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
