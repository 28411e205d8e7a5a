using System;

namespace CustomTransform
{
    public class InputData
    {
        public DateTime Date { get; set; }
    }
}
