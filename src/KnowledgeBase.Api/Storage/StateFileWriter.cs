namespace KnowledgeBase.Api.Storage;

/// <summary>
/// Writes the service's own state files (one per job) whole: to a temporary file renamed over the old one, so a
/// crash leaves either the old or the new state, never half a file. Not sealed: it is where a full disk shows up
/// first, and tests put a disk that fills up behind it.
/// </summary>
internal class StateFileWriter
{
    public virtual void Write(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, content);
        }
        catch (IOException)
        {
            // Half a temporary file helps no one and takes the space a retry needs.
            File.Delete(temporary);
            throw;
        }
        File.Move(temporary, path, overwrite: true);
    }
}
