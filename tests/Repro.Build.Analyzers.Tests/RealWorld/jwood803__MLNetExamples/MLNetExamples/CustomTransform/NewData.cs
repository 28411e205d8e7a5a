using System;

namespace CustomTransform
{
    public class NewData
    {
        public bool IsWeekend { get; set; }
        public DateTime Date { get; set; }
    }
}
